-- The community hierarchy (街道 → 社区 → 小区 → 楼栋 → 单元 → 户) and the accounts that live in it.
-- Each level below community carries community_id, kept consistent by composite foreign keys, so any row can be
-- scoped to its community (authorization, pagination) without joining up the tree.

create table street (
    id         bigint generated always as identity primary key,
    name       text        not null check (length(name) between 1 and 100),
    created_at timestamptz not null default now(),
    unique (name)
);

create table community (
    id         bigint generated always as identity primary key,
    street_id  bigint      not null references street (id),
    name       text        not null check (length(name) between 1 and 100),
    address    text check (length(address) <= 200),
    created_at timestamptz not null default now(),
    unique (street_id, name)
);
create index community_keyset on community (created_at, id);
create index community_by_street on community (street_id, created_at, id);

create table estate (
    id           bigint generated always as identity primary key,
    community_id bigint      not null references community (id),
    name         text        not null check (length(name) between 1 and 100),
    created_at   timestamptz not null default now(),
    unique (community_id, name),
    unique (id, community_id)
);

create table building (
    id           bigint generated always as identity primary key,
    estate_id    bigint      not null,
    community_id bigint      not null,
    name         text        not null check (length(name) between 1 and 50),
    created_at   timestamptz not null default now(),
    foreign key (estate_id, community_id) references estate (id, community_id),
    unique (estate_id, name),
    unique (id, community_id)
);

create table unit (
    id           bigint generated always as identity primary key,
    building_id  bigint      not null,
    community_id bigint      not null,
    name         text        not null check (length(name) between 1 and 50),
    created_at   timestamptz not null default now(),
    foreign key (building_id, community_id) references building (id, community_id),
    unique (building_id, name),
    unique (id, community_id)
);

create table household (
    id           bigint generated always as identity primary key,
    unit_id      bigint      not null,
    community_id bigint      not null,
    room         text        not null check (length(room) between 1 and 20),
    created_at   timestamptz not null default now(),
    foreign key (unit_id, community_id) references unit (id, community_id),
    unique (unit_id, room)
);
create index household_by_community on household (community_id, created_at, id);

-- One account per WeChat user of the mini-program (openid is per mini-program; unionid, when WeChat gives it,
-- links the same person across the organisation's apps).
create table account (
    id            bigint generated always as identity primary key,
    openid        text        not null check (length(openid) between 1 and 128),
    unionid       text check (length(unionid) <= 128),
    nickname      text check (length(nickname) between 1 and 32),
    avatar_url    text check (length(avatar_url) <= 512),
    phone         text check (phone ~ '^[0-9]{5,15}$'),
    created_at    timestamptz not null default now(),
    last_login_at timestamptz not null default now(),
    unique (openid)
);
create index account_by_unionid on account (unionid) where unionid is not null;

create table account_role (
    account_id bigint not null references account (id),
    role       text   not null check (role in ('RESIDENT', 'STAFF', 'PARTNER', 'ADMIN')),
    primary key (account_id, role)
);

-- 居民: membership of a household; at most one head (户主) per household.
create table household_member (
    household_id bigint      not null references household (id),
    account_id   bigint      not null references account (id),
    is_head      boolean     not null default false,
    joined_at    timestamptz not null default now(),
    primary key (household_id, account_id)
);
create unique index household_one_head on household_member (household_id) where is_head;
create index household_member_by_account on household_member (account_id);

-- 社区工作者: an account with staff rights in exactly one community.
create table staff (
    account_id   bigint      primary key references account (id),
    community_id bigint      not null references community (id),
    title        text        not null check (length(title) between 1 and 50),
    created_at   timestamptz not null default now()
);
create index staff_by_community on staff (community_id);
