-- The community tree and its staff are managed through the API (issue 12).
--
-- Names stay unique among ALL siblings, retired ones included: the unique constraints of V1 are kept as they are
-- (imports and other features rely on them as ON CONFLICT targets). A retired 3栋 is normally the same physical
-- building that comes back, so it is reinstated rather than created again; to really build a new 3栋 beside a
-- retired one, staff first rename the retired one (e.g. 3栋（旧）).

-- Streets can be retired like the other places (V20 covered community and below).
alter table street add column retired_at timestamptz;

-- 街道工作人员: an account that oversees every community of one street (reads; see CommunityAccess).
-- One appointment per account, like staff (checked by the service across both tables).
create table street_staff (
    account_id bigint      primary key references account (id),
    street_id  bigint      not null references street (id),
    title      text        not null check (length(title) between 1 and 50),
    created_at timestamptz not null default now()
);
create index street_staff_by_street on street_staff (street_id);

-- 网格: the buildings a staff member (typically a 网格员) looks after. The composite keys make the database refuse a
-- building of another community than the staff member's; revoking the appointment removes the grid with it.
alter table staff add constraint staff_account_community unique (account_id, community_id);
create table staff_grid (
    account_id   bigint not null,
    community_id bigint not null,
    building_id  bigint not null,
    primary key (account_id, building_id),
    foreign key (account_id, community_id) references staff (account_id, community_id) on delete cascade,
    foreign key (building_id, community_id) references building (id, community_id)
);
create index staff_grid_by_building on staff_grid (building_id);
