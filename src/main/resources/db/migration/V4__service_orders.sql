-- 居民点单 → 社区派单 → 合伙人接单: service orders, their timeline and the partners who turned them down.

create table service_order (
    id                  bigint generated always as identity primary key,
    household_id        bigint      not null references household (id),
    community_id        bigint      not null references community (id),
    resident_id         bigint      not null references account (id),
    category_id         bigint      not null references service_category (id),
    offering_id         bigint references offering (id),
    dispatch_mode       text        not null check (dispatch_mode in ('ASSIGN', 'AUTO', 'GRAB')),
    description         text        not null check (length(description) between 1 and 1000),
    photo_urls          text[]      not null default '{}' check (cardinality(photo_urls) <= 9),
    preferred_from      timestamptz,
    preferred_to        timestamptz,
    urgency             text        not null check (urgency in ('NORMAL', 'URGENT')),
    contact_phone       text        not null check (contact_phone ~ '^[0-9-]{5,20}$'),
    status              text        not null check (status in
        ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_SERVICE', 'COMPLETED', 'CONFIRMED', 'CANCELLED')),
    escalated           boolean     not null default false,
    -- the partner it is dispatched to or served by; null while submitted and while offered to grab
    partner_id          bigint references partner (id),
    serving_member_id   bigint references account (id),
    -- every dispatch starts a new round, so a deadline set for an earlier round can never fire on a later one
    dispatch_round      int         not null default 0,
    accept_deadline     timestamptz,
    minutes_spent       int check (minutes_spent between 1 and 1440),
    completion_notes    text check (length(completion_notes) <= 1000),
    completion_photos   text[]      not null default '{}' check (cardinality(completion_photos) <= 9),
    rating_quality      smallint check (rating_quality between 1 and 5),
    rating_punctuality  smallint check (rating_punctuality between 1 and 5),
    rating_attitude     smallint check (rating_attitude between 1 and 5),
    rating_comment      text check (length(rating_comment) <= 500),
    completed_at        timestamptz,
    confirmed_at        timestamptz,
    idempotency_key     text        not null check (length(idempotency_key) between 8 and 100),
    request_hash        text        not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (resident_id, idempotency_key),
    check (preferred_to is null or preferred_from is null or preferred_to > preferred_from),
    check (status not in ('ACCEPTED', 'IN_SERVICE', 'COMPLETED') or partner_id is not null)
);
create index service_order_by_household on service_order (household_id, created_at, id);
create index service_order_queue on service_order (community_id, status, created_at, id);
create index service_order_by_partner on service_order (partner_id, status, created_at, id);

-- partners offered an order to grab
create table order_offer (
    order_id   bigint      not null references service_order (id),
    partner_id bigint      not null references partner (id),
    offered_at timestamptz not null default now(),
    primary key (order_id, partner_id)
);
create index order_offer_by_partner on order_offer (partner_id);

-- partners that declined an order or let its deadline pass: it is never dispatched to them again
create table order_decline (
    order_id   bigint      not null references service_order (id),
    partner_id bigint      not null references partner (id),
    reason     text        not null check (length(reason) between 1 and 500),
    expired    boolean     not null default false,
    created_at timestamptz not null default now(),
    primary key (order_id, partner_id)
);

-- the timeline: every transition, who made it and why
create table order_event (
    id          bigint generated always as identity primary key,
    order_id    bigint      not null references service_order (id),
    actor_id    bigint references account (id),
    actor_kind  text        not null check (actor_kind in ('RESIDENT', 'STAFF', 'PARTNER', 'SYSTEM')),
    from_status text check (from_status in
        ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_SERVICE', 'COMPLETED', 'CONFIRMED', 'CANCELLED')),
    to_status   text        not null check (to_status in
        ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_SERVICE', 'COMPLETED', 'CONFIRMED', 'CANCELLED')),
    partner_id  bigint references partner (id),
    reason      text check (length(reason) <= 500),
    created_at  timestamptz not null default now()
);
create index order_event_by_order on order_event (order_id, id);
