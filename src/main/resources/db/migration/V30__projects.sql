-- 资源清单, 项目清单 and 监督委员会 (issue 14): resources partners and units offer a community, projects staff build
-- from needs and resources with milestones, and the supervision committee of residents that signs off completion.

create table project (
    id           bigint generated always as identity primary key,
    community_id bigint      not null references community (id),
    title        text        not null check (length(title) between 1 and 100),
    goal         text        not null check (length(goal) between 1 and 1000),
    budget_fen   bigint      not null check (budget_fen >= 0),
    status       text        not null,
    created_by   bigint      not null references account (id),
    started_at   timestamptz,
    submitted_at timestamptz,
    completed_at timestamptz,
    cancelled_at timestamptz,
    -- the satisfaction ballot (一户一票问效果) opened when it completed; no foreign key: it lives in cn.linli.ballot
    ballot_id    bigint,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index project_by_community on project (community_id, created_at desc, id desc);

-- The needs a project takes in (a need is in at most one project at a time: its IN_PROJECT status guards that).
create table project_need (
    project_id bigint      not null references project (id),
    need_id    bigint      not null references need (id),
    created_at timestamptz not null default now(),
    primary key (project_id, need_id)
);
create index project_need_by_need on project_need (need_id);

create table project_milestone (
    id          bigint generated always as identity primary key,
    project_id  bigint      not null references project (id),
    position    int         not null check (position between 1 and 50),
    title       text        not null check (length(title) between 1 and 100),
    due_on      date        not null,
    done_at     timestamptz,
    note        text check (length(note) <= 500),
    photo_ids   bigint[]    not null default '{}' check (cardinality(photo_ids) <= 9),
    reported_by bigint references account (id),
    unique (project_id, position)
);

-- 资源清单: offered by a partner (its member) or by a named unit (驻区单位, recorded by staff).
create table project_resource (
    id           bigint generated always as identity primary key,
    community_id bigint      not null references community (id),
    kind         text        not null,
    title        text        not null check (length(title) between 1 and 100),
    description  text check (length(description) <= 1000),
    quantity     bigint      not null check (quantity > 0),
    unit         text        not null check (length(unit) between 1 and 20),
    partner_id   bigint references partner (id),
    unit_name    text check (length(unit_name) between 1 and 100),
    offered_by   bigint      not null references account (id),
    status       text        not null,
    project_id   bigint references project (id),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    check ((partner_id is null) <> (unit_name is null))
);
create index project_resource_by_community on project_resource (community_id, created_at desc, id desc);
create index project_resource_by_project on project_resource (project_id) where project_id is not null;

-- 监督委员会: residents of the community appointed by its staff.
create table supervision_member (
    community_id bigint      not null references community (id),
    account_id   bigint      not null references account (id),
    appointed_by bigint      not null references account (id),
    appointed_at timestamptz not null default now(),
    primary key (community_id, account_id)
);

-- How many sign-offs complete a project: data, per community (the row without community is the default). The
-- larger of min_sign_offs and — when majority is set — more than half of the committee's members.
create table supervision_rule (
    id            bigint generated always as identity primary key,
    community_id  bigint unique references community (id),
    min_sign_offs int         not null check (min_sign_offs between 1 and 50),
    majority      boolean     not null,
    updated_at    timestamptz not null default now()
);
create unique index supervision_rule_one_default on supervision_rule ((community_id is null)) where community_id is null;
insert into supervision_rule (community_id, min_sign_offs, majority) values (null, 1, false);

-- One sign-off per member and project (the primary key decides a replay or two taps at once).
create table project_sign_off (
    project_id bigint      not null references project (id),
    account_id bigint      not null references account (id),
    note       text check (length(note) <= 500),
    created_at timestamptz not null default now(),
    primary key (project_id, account_id)
);
