-- Staff console scan login (扫码登录). A ticket lives two minutes: the console shows its mini-program code, a staff
-- member confirms it in the mini-program, and the console's next poll claims a session for that staff member, once.
-- PostgreSQL rather than Redis: single use is one conditional update (status = any(:from)), the confirm and the
-- claim commit together with the session they open, and a ticket is a few hundred bytes that a purge job can drop.
create table console_login_ticket (
    -- the one-time scene of the mini-program code (22 url-safe characters; WeChat allows 32)
    id           text        primary key,
    -- sha256 of the secret only the console that created the ticket holds: seeing the code is not enough to poll
    poll_hash    text        not null,
    status       text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    account_id   bigint      references account (id),
    confirmed_at timestamptz,
    claimed_at   timestamptz
);

create index console_login_ticket_expires on console_login_ticket (expires_at);
