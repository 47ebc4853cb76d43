-- Points held for a points-priced service order: taken from the resident when a partner accepts, paid to the serving
-- member on confirmation, returned on cancellation. The points sit in the community's escrow account meanwhile.
create table points_hold (
    order_id   bigint      primary key references service_order (id),
    account_id bigint      not null references account (id),
    community_id bigint    not null references community (id),
    points     int         not null check (points > 0),
    status     text        not null check (status in ('OPEN', 'PAID', 'RETURNED')),
    created_at timestamptz not null default now(),
    closed_at  timestamptz
);
create index points_hold_open on points_hold (account_id) where status = 'OPEN';
