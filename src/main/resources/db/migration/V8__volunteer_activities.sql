-- Volunteer activities: staff create them, residents sign up (never beyond the slots), staff record attendance,
-- and attendance earns time-bank points once.
create table volunteer_activity (
    id              bigint generated always as identity primary key,
    community_id    bigint      not null references community (id),
    title           text        not null check (length(title) between 1 and 60),
    description     text check (length(description) <= 1000),
    place           text        not null check (length(place) between 1 and 100),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    slots           int         not null check (slots between 1 and 1000),
    -- guarded here: concurrent sign-ups can never take more places than there are
    signed_up       int         not null default 0 check (signed_up >= 0 and signed_up <= slots),
    points_per_hour int         not null check (points_per_hour between 1 and 1000),
    created_by      bigint      not null references account (id),
    created_at      timestamptz not null default now(),
    check (ends_at > starts_at)
);
create index volunteer_activity_by_community on volunteer_activity (community_id, created_at, id);

create table volunteer_signup (
    activity_id      bigint      not null references volunteer_activity (id),
    account_id       bigint      not null references account (id),
    signed_up_at     timestamptz not null default now(),
    attended_minutes int check (attended_minutes between 1 and 1440),
    recorded_by      bigint references account (id),
    primary key (activity_id, account_id)
);
