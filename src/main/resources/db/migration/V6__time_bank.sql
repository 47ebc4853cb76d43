-- 时间银行: a double-entry points ledger. Every movement is a transaction whose entries sum to zero; entries are
-- never changed (a correction is a new, reversing transaction); a person's balance never goes negative; every
-- transaction carries an idempotency key, so a retried or duplicated request posts once.

-- which categories are volunteer service that earns points when an order is confirmed
alter table service_category add column earns_points boolean not null default false;
update service_category set earns_points = true
 where code in ('HOME_REPAIR', 'ELDERLY_CARE', 'TUTORING', 'LEGAL_ADVICE', 'HEALTH');

-- community rules, as data
create table timebank_rule (
    community_id   bigint primary key references community (id),
    points_per_hour int    not null default 10 check (points_per_hour between 1 and 1000),
    -- most points a person may hold; what goes over flows into the community pool
    storage_cap    int check (storage_cap > 0),
    updated_at     timestamptz not null default now()
);

-- PERSON: a resident or partner member; PARTNER: a partner organisation (merchants are settled here when they
-- verify vouchers); per community ISSUANCE (earned points come from it), REDEMPTION (spent points wait here until the
-- voucher is used), POOL (donations, overflow, expiry), ESCROW (points held for points-priced orders)
create table timebank_account (
    id               bigint generated always as identity primary key,
    kind             text        not null check (kind in ('PERSON', 'PARTNER', 'ISSUANCE', 'REDEMPTION', 'POOL', 'ESCROW')),
    owner_account_id bigint references account (id),
    partner_id       bigint references partner (id),
    community_id     bigint references community (id),
    balance          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    check ((kind = 'PERSON') = (owner_account_id is not null)),
    check ((kind = 'PARTNER') = (partner_id is not null)),
    check ((kind in ('PERSON', 'PARTNER')) = (community_id is null)),
    -- people and partners never go negative; the community's issuance account does, by exactly what it has issued
    check (kind in ('ISSUANCE') or balance >= 0)
);
create unique index timebank_person on timebank_account (owner_account_id) where kind = 'PERSON';
create unique index timebank_partner on timebank_account (partner_id) where kind = 'PARTNER';
create unique index timebank_system on timebank_account (community_id, kind) where kind not in ('PERSON', 'PARTNER');

create table timebank_transaction (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('EARN_ORDER', 'EARN_VOLUNTEER', 'GRANT', 'POOL_GRANT',
                        'TRANSFER', 'DONATE', 'OVERFLOW', 'REDEEM', 'VOUCHER_RETURN', 'VOUCHER_SETTLE', 'HOLD', 'HOLD_RETURN',
                        'HOLD_PAY', 'EXPIRE', 'CORRECTION')),
    idempotency_key text        not null unique check (length(idempotency_key) between 1 and 200),
    request_hash    text        not null,
    community_id    bigint references community (id),
    actor_id        bigint references account (id),
    -- what people read in their statement, e.g. 为 锦江苑 1栋1单元101 维修水管 90 分钟
    description     text        not null check (length(description) between 1 and 300),
    -- service minutes behind an earning (volunteer hours leaderboard)
    minutes         int check (minutes > 0),
    reference       text check (length(reference) <= 100),
    created_at      timestamptz not null default now()
);
create index timebank_transaction_by_community on timebank_transaction (community_id, kind);

create table timebank_entry (
    id             bigint generated always as identity primary key,
    transaction_id bigint      not null references timebank_transaction (id),
    account_id     bigint      not null references timebank_account (id),
    amount         bigint      not null check (amount <> 0),
    created_at     timestamptz not null default now()
);
create index timebank_entry_statement on timebank_entry (account_id, created_at desc, id desc);
create index timebank_entry_by_transaction on timebank_entry (transaction_id);

-- a transaction must balance when it commits (deferred: its entries are inserted one by one)
create function timebank_check_balanced() returns trigger language plpgsql as $$
begin
    if (select sum(amount) from timebank_entry where transaction_id = new.transaction_id) <> 0 then
        raise exception 'time bank transaction % does not balance', new.transaction_id using errcode = '23514';
    end if;
    return null;
end $$;
create constraint trigger timebank_entry_balanced after insert on timebank_entry
    deferrable initially deferred for each row execute function timebank_check_balanced();

-- entries are append-only
create function timebank_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'time bank entries are never changed; post a reversing transaction' using errcode = '23514';
end $$;
create trigger timebank_entry_append_only before update or delete on timebank_entry
    for each row execute function timebank_append_only();
