-- 换服务、换商品、换折扣、换市场: rewards that partners supply for points, and the vouchers redeeming them yields.

create table reward (
    id                 bigint generated always as identity primary key,
    community_id       bigint      not null references community (id),
    partner_id         bigint      not null references partner (id),
    kind               text        not null check (kind in ('SERVICE', 'GOODS', 'DISCOUNT', 'MARKET_VOUCHER')),
    title              text        not null check (length(title) between 1 and 60),
    description        text check (length(description) <= 500),
    points_price       int         not null check (points_price between 1 and 100000),
    -- never oversold: a redemption takes stock by a conditional update, and stock cannot go below zero
    stock              int         not null check (stock >= 0),
    valid_to           date        not null,
    voucher_valid_days int         not null default 30 check (voucher_valid_days between 1 and 365),
    active             boolean     not null default true,
    created_at         timestamptz not null default now()
);
create index reward_by_community on reward (community_id, created_at, id);

-- one row per redeem request: its unique key makes a retried request return the first result
create table redemption (
    id              bigint generated always as identity primary key,
    idempotency_key text        not null unique,
    request_hash    text        not null,
    reward_id       bigint      not null references reward (id),
    account_id      bigint      not null references account (id),
    quantity        int         not null check (quantity between 1 and 10),
    created_at      timestamptz not null default now()
);

create table voucher (
    id            bigint generated always as identity primary key,
    redemption_id bigint      not null references redemption (id),
    reward_id     bigint      not null references reward (id),
    owner_id      bigint      not null references account (id),
    -- shown as a QR code; the merchant scans or types it to verify (核销)
    code          text        not null unique check (code ~ '^[A-Z0-9]{10}$'),
    points_paid   int         not null check (points_paid > 0),
    status        text        not null check (status in ('ISSUED', 'USED', 'CANCELLED', 'EXPIRED')),
    expires_at    timestamptz not null,
    used_at       timestamptz,
    verified_by   bigint references account (id),
    created_at    timestamptz not null default now(),
    check ((status = 'USED') = (used_at is not null))
);
create index voucher_by_owner on voucher (owner_id, created_at, id);
