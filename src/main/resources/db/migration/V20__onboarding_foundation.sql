-- Onboarding brings the community tree and its people in through the API instead of seed data. Two things every part
-- of it shares are laid here: places can be retired (never deleted: orders, ledgers and ballots refer to them), and
-- every change to the tree, memberships, staff and partners is written to one audit trail.

alter table community add column retired_at timestamptz;
alter table estate    add column retired_at timestamptz;
alter table building  add column retired_at timestamptz;
alter table unit      add column retired_at timestamptz;
alter table household add column retired_at timestamptz;

-- Who changed what, when, from what to what. Append-only: the application never updates or deletes a row.
-- community_id scopes the entry for staff (null for platform-level entries such as creating a street).
create table audit_event (
    id           bigint generated always as identity primary key,
    community_id bigint references community (id),
    actor_id     bigint references account (id),
    subject      text        not null check (length(subject) between 1 and 40),
    subject_id   bigint      not null,
    action       text        not null check (length(action) between 1 and 40),
    before       jsonb,
    after        jsonb,
    created_at   timestamptz not null default clock_timestamp()
);
create index audit_event_by_community on audit_event (community_id, created_at desc, id desc);
create index audit_event_by_subject on audit_event (subject, subject_id, created_at desc, id desc);
create index audit_event_keyset on audit_event (created_at desc, id desc);
