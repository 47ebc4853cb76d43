-- 红色合伙人: organisations and craftsmen who serve communities under contract, and what they offer.

create table service_category (
    id            bigint generated always as identity primary key,
    code          text not null unique check (code ~ '^[A-Z_]{2,40}$'),
    name          text not null check (length(name) between 1 and 30),
    -- how orders of this category reach a partner: staff choose (ASSIGN), the system picks (AUTO),
    -- or every eligible partner is offered it and the first to accept wins (GRAB)
    dispatch_mode text not null check (dispatch_mode in ('ASSIGN', 'AUTO', 'GRAB')),
    sort_order    int  not null default 0
);

create table partner (
    id            bigint generated always as identity primary key,
    name          text        not null check (length(name) between 1 and 60),
    kind          text        not null check (kind in ('UNIT', 'SOCIAL_ORGANISATION', 'MERCHANT', 'CRAFTSMAN')),
    description   text check (length(description) <= 500),
    contact_phone text check (contact_phone ~ '^[0-9-]{5,20}$'),
    -- most orders it takes at once (dispatched, accepted or in service)
    capacity      int         not null check (capacity between 1 and 1000),
    -- orders it holds now; guarded here so that concurrent dispatches can never exceed the capacity
    active_orders int         not null default 0 check (active_orders >= 0 and active_orders <= capacity),
    online        boolean     not null default true,
    created_at    timestamptz not null default now()
);

create table partner_member (
    partner_id bigint      not null references partner (id),
    -- an account serves for at most one partner, so "my partner" is never ambiguous
    account_id bigint      not null unique references account (id),
    role       text        not null check (role in ('ADMIN', 'MEMBER')),
    joined_at  timestamptz not null default now(),
    primary key (partner_id, account_id)
);

create table partner_category (
    partner_id  bigint not null references partner (id),
    category_id bigint not null references service_category (id),
    primary key (partner_id, category_id)
);
create index partner_category_by_category on partner_category (category_id);

-- 契约化共建: a partner serves a community while a contract is valid
create table partner_contract (
    id           bigint generated always as identity primary key,
    partner_id   bigint      not null references partner (id),
    community_id bigint      not null references community (id),
    valid_from   date        not null,
    valid_to     date        not null,
    created_by   bigint references account (id),
    created_at   timestamptz not null default now(),
    check (valid_to >= valid_from)
);
create index partner_contract_by_community on partner_contract (community_id, partner_id);

-- each time an order is given to a partner; ranks candidates by fewest recent assignments (fair rotation)
create table partner_assignment (
    partner_id  bigint      not null references partner (id),
    order_id    bigint      not null,
    assigned_at timestamptz not null default now()
);
create index partner_assignment_recent on partner_assignment (partner_id, assigned_at);

-- 服务清单
create table offering (
    id                bigint generated always as identity primary key,
    partner_id        bigint      not null references partner (id),
    category_id       bigint      not null references service_category (id),
    title             text        not null check (length(title) between 1 and 60),
    description       text check (length(description) <= 1000),
    price_kind        text        not null check (price_kind in ('FREE', 'POINTS', 'CASH')),
    price_points      int check (price_points > 0),
    price_fen         int check (price_fen > 0),
    estimated_minutes int         not null check (estimated_minutes between 1 and 1440),
    active            boolean     not null default true,
    created_at        timestamptz not null default now(),
    check ((price_kind = 'FREE' and price_points is null and price_fen is null)
        or (price_kind = 'POINTS' and price_points is not null and price_fen is null)
        or (price_kind = 'CASH' and price_fen is not null and price_points is null))
);
create index offering_by_partner on offering (partner_id);
create index offering_by_category on offering (category_id) where active;
