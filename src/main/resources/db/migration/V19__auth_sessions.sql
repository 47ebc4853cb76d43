-- Login sessions are recorded in PostgreSQL (they lived only in Redis): losing or replacing Redis must neither revive a
-- logged-out session nor log everyone out. Redis keeps a short-lived cache of each session's state.
create table auth_session (
    id           text primary key,
    account_id   bigint not null references account (id),
    -- SHA-256 of the current refresh secret; a refresh replaces it, so each refresh token works once
    secret_hash  text not null,
    started_at   timestamptz not null default now(),
    refreshed_at timestamptz not null default now(),
    expires_at   timestamptz not null,
    ended_at     timestamptz,
    end_reason   text,
    constraint auth_session_end check ((ended_at is null) = (end_reason is null)),
    constraint auth_session_end_reason check (end_reason in ('LOGOUT', 'REUSED', 'REVOKED'))
);

create index auth_session_of_account on auth_session (account_id) where ended_at is null;
