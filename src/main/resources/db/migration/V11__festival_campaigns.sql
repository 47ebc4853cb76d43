-- 邻里节众筹: festival campaigns funded with money, items and volunteer time, on a public ledger.

create table campaign (
    id                    bigint generated always as identity primary key,
    community_id          bigint      not null references community (id),
    theme                 text        not null check (length(theme) between 1 and 60),
    festival_date         date        not null,
    main_venue            text        not null check (length(main_venue) between 1 and 100),
    branch_venues         text[]      not null default '{}' check (cardinality(branch_venues) <= 10),
    description           text check (length(description) <= 2000),
    cover_image_url       text check (length(cover_image_url) <= 512),
    deadline              timestamptz not null,
    money_goal_fen        bigint      not null check (money_goal_fen >= 0),
    funding_rule          text        not null check (funding_rule in ('ALL_OR_NOTHING', 'KEEP_WHAT_YOU_RAISE')),
    matching_sponsor      text check (length(matching_sponsor) <= 60),
    matching_cap_fen      bigint check (matching_cap_fen > 0),
    status                text        not null check (status in ('DRAFT', 'OPEN', 'FUNDED', 'FAILED', 'CLOSED')),
    created_by            bigint      not null references account (id),
    created_at            timestamptz not null default now(),
    published_at          timestamptz,
    settled_at            timestamptz,
    check ((matching_sponsor is null) = (matching_cap_fen is null))
);
create index campaign_by_community on campaign (community_id, created_at, id);

create table campaign_item_need (
    id                bigint generated always as identity primary key,
    campaign_id       bigint not null references campaign (id),
    name              text   not null check (length(name) between 1 and 40),
    unit              text   not null check (length(unit) between 1 and 10),
    quantity_needed   int    not null check (quantity_needed between 1 and 100000),
    -- never more than needed, also when pledges race each other
    quantity_pledged  int    not null default 0 check (quantity_pledged >= 0 and quantity_pledged <= quantity_needed),
    quantity_received int    not null default 0 check (quantity_received >= 0 and quantity_received <= quantity_pledged)
);

create table campaign_volunteer_role (
    id            bigint generated always as identity primary key,
    campaign_id   bigint not null references campaign (id),
    name          text   not null check (length(name) between 1 and 40),
    count         int    not null check (count between 1 and 10000),
    signed_up     int    not null default 0 check (signed_up >= 0 and signed_up <= count),
    points_reward int    not null check (points_reward between 0 and 10000)
);

-- every contribution: money (WeChat Pay), items, time, or recorded offline by staff (cash, a government grant)
create table pledge (
    id               bigint generated always as identity primary key,
    campaign_id      bigint      not null references campaign (id),
    kind             text        not null check (kind in ('MONEY', 'ITEM', 'TIME', 'OFFLINE')),
    account_id       bigint references account (id),
    contributor_kind text        not null check (contributor_kind in
                         ('RESIDENT', 'MERCHANT', 'ORGANISATION', 'COMMUNITY', 'GOVERNMENT')),
    contributor_name text check (length(contributor_name) <= 60),
    anonymous        boolean     not null default false,
    message          text check (length(message) <= 200),
    amount_fen       bigint check (amount_fen > 0),
    need_id          bigint references campaign_item_need (id),
    quantity         int check (quantity > 0),
    role_id          bigint references campaign_volunteer_role (id),
    status           text        not null check (status in ('PENDING', 'PAID', 'REFUNDING', 'REFUNDED', 'CLOSED',
                         'PLEDGED', 'RECEIVED', 'RELEASED', 'SIGNED_UP', 'ATTENDED', 'RECORDED')),
    receipt_url      text check (length(receipt_url) <= 512),
    recorded_by      bigint references account (id),
    attended_minutes int check (attended_minutes between 1 and 1440),
    idempotency_key  text unique,
    request_hash     text,
    created_at       timestamptz not null default now(),
    check (kind <> 'ITEM' or (need_id is not null and quantity is not null)),
    check (kind <> 'TIME' or role_id is not null),
    check (kind not in ('MONEY', 'OFFLINE') or amount_fen is not null)
);
create index pledge_by_campaign on pledge (campaign_id, kind, status);
-- one sign-up per person and role
create unique index pledge_one_signup on pledge (role_id, account_id) where kind = 'TIME';

create table campaign_expense (
    id          bigint generated always as identity primary key,
    campaign_id bigint      not null references campaign (id),
    category    text        not null check (length(category) between 1 and 30),
    amount_fen  bigint      not null check (amount_fen > 0),
    receipt_url text        not null check (length(receipt_url) <= 512),
    note        text check (length(note) <= 200),
    recorded_by bigint      not null references account (id),
    status      text        not null check (status in ('PENDING', 'APPROVED')),
    approved_by bigint references account (id),
    created_at  timestamptz not null default now(),
    approved_at timestamptz,
    -- four eyes: whoever recorded an expense cannot be the one who approves it
    check (approved_by is null or approved_by <> recorded_by),
    check ((status = 'APPROVED') = (approved_by is not null or approved_at is not null))
);
create index campaign_expense_by_campaign on campaign_expense (campaign_id, created_at, id);
