-- 需求清单 and 五事分流 (issue 14): residents' needs, their triage into five kinds, merges, supporters, the joint
-- meeting's agenda (联席会议) and the timeline every step leaves.

-- How long a triaged need may take, per kind (大事/实事/要事/急事/难事) and level (一般/紧急): data, per community.
-- A row without community is the default every community starts from; a community's own row overrides it.
create table need_triage_rule (
    id           bigserial   primary key,
    community_id bigint      references community (id),
    kind         text        not null,
    level        text        not null,
    due_within   interval    not null check (due_within > interval '0'),
    updated_at   timestamptz not null default now()
);
create unique index need_triage_rule_one on need_triage_rule (coalesce(community_id, 0), kind, level);

insert into need_triage_rule (community_id, kind, level, due_within) values
    (null, 'MAJOR',     'NORMAL', interval '30 days'), (null, 'MAJOR',     'URGENT', interval '7 days'),
    (null, 'PRACTICAL', 'NORMAL', interval '7 days'),  (null, 'PRACTICAL', 'URGENT', interval '2 days'),
    (null, 'IMPORTANT', 'NORMAL', interval '14 days'), (null, 'IMPORTANT', 'URGENT', interval '3 days'),
    (null, 'URGENT',    'NORMAL', interval '2 days'),  (null, 'URGENT',    'URGENT', interval '1 day'),
    (null, 'DIFFICULT', 'NORMAL', interval '60 days'), (null, 'DIFFICULT', 'URGENT', interval '14 days');

-- 联席会议: a joint meeting of a community; MAJOR and DIFFICULT needs go onto the next one's agenda.
create table need_meeting (
    id           bigserial   primary key,
    community_id bigint      not null references community (id),
    title        text        not null check (length(title) between 1 and 100),
    meets_on     date        not null,
    created_by   bigint      not null references account (id),
    created_at   timestamptz not null default now()
);
create index need_meeting_upcoming on need_meeting (community_id, meets_on);

create table need (
    id                 bigserial   primary key,
    community_id       bigint      not null references community (id),
    household_id       bigint      not null references household (id),
    estate_id          bigint      references estate (id),
    building_id        bigint      references building (id),
    submitted_by       bigint      not null references account (id),
    collected_by_staff boolean     not null default false,
    description        text        not null check (length(description) between 1 and 1000),
    photo_ids          bigint[]    not null default '{}',
    status             text        not null,
    kind               text,
    level              text,
    due_at             timestamptz,
    merged_into        bigint      references need (id),
    order_id           bigint      references service_order (id),
    meeting_id         bigint      references need_meeting (id),
    escalated_at       timestamptz,
    idempotency_key    text        not null,
    request_hash       text        not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    unique (submitted_by, idempotency_key)
);
create index need_by_community on need (community_id, created_at desc, id desc);
create index need_by_household on need (household_id, created_at desc, id desc);
create index need_escalated on need (community_id, escalated_at) where escalated_at is not null;

-- Who backs a need: one row per household (the raising household is the first); merges add the merged need's.
create table need_supporter (
    need_id      bigint      not null references need (id),
    household_id bigint      not null references household (id),
    account_id   bigint      references account (id),  -- null when staff recorded it door to door
    created_at   timestamptz not null default now(),
    primary key (need_id, household_id)
);

-- The timeline: every step, with who took it (null actor for the system: timers, order outcomes).
create table need_event (
    id          bigserial   primary key,
    need_id     bigint      not null references need (id),
    action      text        not null,
    actor_kind  text        not null,
    actor_id    bigint      references account (id),
    from_status text,
    to_status   text        not null,
    note        text,
    created_at  timestamptz not null default now()
);
create index need_event_by_need on need_event (need_id, id);

create table need_agenda_item (
    meeting_id bigint      not null references need_meeting (id),
    need_id    bigint      not null references need (id),
    outcome    text,
    resolution text,
    decided_by bigint      references account (id),
    decided_at timestamptz,
    created_at timestamptz not null default now(),
    primary key (meeting_id, need_id)
);

-- The order a 实事 became; the order shows its need through this column (a need whose order was cancelled may be
-- ordered again, so several orders can name one need).
alter table service_order add column need_id bigint references need (id);
create index service_order_by_need on service_order (need_id) where need_id is not null;
