-- Household ballots (一户三票): one vote per verified household, changeable until close, aggregated results only.

-- Pass rules are data: one row per community that has its own, and the default row (community_id null) for the rest.
-- A ballot copies the rule when it is created, so a later change of the rule never changes a running ballot.
create table ballot_rule (
    id                  bigint generated always as identity primary key,
    community_id        bigint unique references community (id),
    min_turnout_percent int         not null check (min_turnout_percent between 0 and 100),
    majority_percent    int         not null check (majority_percent between 0 and 99),
    updated_at          timestamptz not null default now()
);
create unique index ballot_rule_one_default on ballot_rule ((community_id is null)) where community_id is null;
-- default: at least half of the eligible households vote, and more than half of the votes carry it
insert into ballot_rule (community_id, min_turnout_percent, majority_percent) values (null, 50, 50);

create table ballot (
    id                  bigint generated always as identity primary key,
    community_id        bigint      not null references community (id),
    kind                text        not null check (kind in ('NEEDS', 'PROJECT', 'SATISFACTION')),
    pick_mode           text        not null check (pick_mode in ('SINGLE', 'APPROVE', 'PICK_UP_TO_N', 'RANK')),
    max_picks           int         not null default 1 check (max_picks between 1 and 20),
    title               text        not null check (length(title) between 1 and 100),
    description         text check (length(description) <= 2000),
    -- what the ballot is about (the needs list, a project): no foreign key, the subject lives in another feature
    subject_kind        text check (subject_kind in ('NEED_LIST', 'PROJECT')),
    subject_id          bigint,
    status              text        not null default 'DRAFT'
                            check (status in ('DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED', 'CANCELLED')),
    opens_at            timestamptz not null,
    closes_at           timestamptz not null,
    remind_hours_before int         not null default 24 check (remind_hours_before between 0 and 720),
    min_turnout_percent int         not null check (min_turnout_percent between 0 and 100),
    majority_percent    int         not null check (majority_percent between 0 and 99),
    -- when it really opened: members verified before this instant may vote
    opened_at           timestamptz,
    closed_at           timestamptz,
    reminded_at         timestamptz,
    created_by          bigint references account (id),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (closes_at > opens_at)
);
create index ballot_by_community on ballot (community_id, created_at desc, id desc);
-- one satisfaction ballot per subject (SatisfactionBallots.openFor is idempotent on it)
create unique index ballot_one_satisfaction on ballot (subject_kind, subject_id)
    where kind = 'SATISFACTION' and subject_id is not null;

create table ballot_option (
    id         bigint generated always as identity primary key,
    ballot_id  bigint not null references ballot (id) on delete cascade,
    position   int    not null check (position between 1 and 50),
    label      text   not null check (length(label) between 1 and 100),
    subject_id bigint,
    unique (ballot_id, position)
);

-- The households that may vote, fixed when the ballot opens (at least one member verified before opening), with the
-- estate each belongs to for turnout per estate.
create table ballot_eligible (
    ballot_id    bigint not null references ballot (id),
    household_id bigint not null references household (id),
    estate_id    bigint not null references estate (id),
    primary key (ballot_id, household_id)
);

-- One row per (ballot, household), updated in place: a changed vote replaces the choice, never adds a row.
-- cast_by is who cast the current choice, kept for disputes only; no query of the API reads it.
create table ballot_vote (
    ballot_id    bigint      not null references ballot (id),
    household_id bigint      not null references household (id),
    choices      bigint[]    not null,
    comment      text check (length(comment) <= 200),
    cast_by      bigint      not null references account (id),
    version      int         not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (ballot_id, household_id),
    foreign key (ballot_id, household_id) references ballot_eligible (ballot_id, household_id)
);

-- Idempotency keys of vote submissions (scoped to the account): a replay gets the same answer, another body under
-- the same key is IDEMPOTENCY_KEY_REUSED.
create table ballot_vote_request (
    key          text        primary key check (length(key) <= 130),
    ballot_id    bigint      not null references ballot (id),
    household_id bigint      not null references household (id),
    request_hash text        not null,
    created_at   timestamptz not null default now()
);
