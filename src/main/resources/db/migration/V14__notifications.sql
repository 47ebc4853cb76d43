-- Notifications: an in-app inbox per account, and WeChat subscribe messages sent through an outbox.

create table notification (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id),
    kind       text        not null check (length(kind) between 1 and 40),
    title      text        not null check (length(title) between 1 and 60),
    body       text        not null check (length(body) between 1 and 300),
    -- the mini-program page to open, e.g. pages/order/detail?id=42
    page       text        not null check (length(page) between 1 and 200),
    read_at    timestamptz,
    created_at timestamptz not null default now()
);
create index notification_inbox on notification (account_id, created_at desc, id desc);
create index notification_unread on notification (account_id) where read_at is null;

-- 订阅消息 consent is one-time per template and per send: each accepted request allows one message
create table subscribe_consent (
    account_id   bigint not null references account (id),
    template_key text   not null check (length(template_key) between 1 and 40),
    remaining    int    not null default 0 check (remaining >= 0),
    primary key (account_id, template_key)
);

-- the outbox: written in the transaction that causes the notification, sent later by a timer (any instance,
-- retried with back-off, given up with a reason after a bound)
create table notification_outbox (
    id              bigint generated always as identity primary key,
    notification_id bigint      not null references notification (id),
    account_id      bigint      not null references account (id),
    template_key    text        not null,
    data            text        not null,
    page            text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'NO_CONSENT', 'GAVE_UP')),
    attempts        int         not null default 0,
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index notification_outbox_pending on notification_outbox (status) where status = 'PENDING';
