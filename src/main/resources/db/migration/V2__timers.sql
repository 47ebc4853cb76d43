-- Timers: work due at a time (accept deadlines, auto-confirm, campaign deadlines). Rows, not in-memory schedules,
-- so a restart loses none; claimed with FOR UPDATE SKIP LOCKED, so any number of instances share them and each
-- fires once (the handler runs in the transaction that deletes the row).
-- Scheduling only ever inserts: a transaction never waits on a timer row a poller holds. A handler therefore checks
-- that its subject is still due (a deadline moved by a later dispatch makes an earlier timer a no-op).
create table timer (
    id         bigint generated always as identity primary key,
    kind       text        not null check (length(kind) between 1 and 50),
    subject_id bigint      not null,
    due_at     timestamptz not null,
    attempts   int         not null default 0,
    last_error text,
    created_at timestamptz not null default now()
);
create index timer_due on timer (due_at);
create index timer_subject on timer (kind, subject_id);
