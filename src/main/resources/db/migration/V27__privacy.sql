-- 个人信息保护 (issue 17): the privacy policy as versioned data, each person's consent, account deletion (注销) with a
-- cooling-off period, a record of staff and partners reading someone's phone or verification details, and retention
-- rules kept as data.

create table privacy_policy (
    version      int primary key check (version > 0),
    title        text        not null check (length(title) between 1 and 100),
    body         text        not null check (length(body) between 1 and 20000),
    -- the newest version published (published_at <= now()) is the current one; a new version asks everyone again
    published_at timestamptz not null default now()
);

create table privacy_consent (
    account_id     bigint      not null references account (id),
    policy_version int         not null references privacy_policy (version),
    accepted_at    timestamptz not null default now(),
    primary key (account_id, policy_version)
);

insert into privacy_policy (version, title, body, published_at) values (1, '邻里小程序隐私保护指引', $policy$
## 我们是谁
"邻里"是街道与社区为居民、社区工作者和红色合伙人提供的便民服务小程序。本指引说明我们收集哪些个人信息、为什么收集、保存多久，以及你可以怎样查看、导出和删除它们。

## 我们收集什么、为什么
- **微信身份标识（openid）**：用于登录，不向任何人展示。
- **昵称和头像**：你自己设置，用于在订单、活动中显示你。
- **手机号码**（仅在你授权后）：便于为你上门服务的合伙人和社区工作者联系你；对其他人只显示打码后的号码。
- **真实姓名、与房屋的关系和证明照片**（仅在申请房屋认证时）：供户主或社区工作者核实你确实住在该户。认证处理完毕后，证明照片即被删除。
- **房屋地址（到户）**：用于派单上门和社区管理。
- **订单、评价、时间银行积分、节庆认捐与付款、兑换券、通知**：为提供这些服务本身所必需。
- **你上传的照片**：仅用于你上传时所选的用途。

## 谁能看到
- 社区工作者只能看到本社区的信息；合伙人只在接单服务期间看到你的完整手机号。
- 工作人员或合伙人每次查看你的完整手机号或认证资料都会被记录，你可以在"我的 → 个人信息"中查看是谁、何时查看了什么。
- 我们不出售你的个人信息，也不向第三方提供，法律法规另有规定的除外。

## 保存多久
- 通知记录、登录会话记录按公布的保存期限到期自动删除。
- 积分账目、订单和认捐记录按财务和社区管理的要求保存；注销后它们不再能识别到你。

## 你的权利
- **查看与导出**：随时在小程序中查看并下载（JSON 或 Excel）我们保存的全部个人信息。
- **撤回与注销**：你可以申请注销账号。注销有 7 天冷静期，期间可以撤销；期满后你的昵称、手机号、真实姓名、照片等将被删除或匿名化，登录全部失效。有进行中的订单、未结清的认捐或尚有积分时（可先捐赠到社区积分池），需先处理完毕。
- **更新**：本指引更新时，我们会在你下次使用前再次征求你的同意。

## 联系我们
对个人信息处理有疑问或投诉，请联系所在社区居委会，或通过小程序"我的 → 意见反馈"告诉我们。
$policy$, '2026-12-02T00:00:00Z');

-- Accounts that exist when this runs accepted the earlier in-app notice (shown before every data collection so far):
-- they are recorded as having accepted version 1, so only people who log in for the first time must accept it now.
insert into privacy_consent (account_id, policy_version, accepted_at)
select id, 1, now() from account;

-- 注销: a request waits out its cooling-off period (a durable timer), then the account is erased exactly once.
create table account_deletion (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references account (id),
    status       text        not null check (status in ('PENDING', 'CANCELLED', 'PERFORMED')),
    requested_at timestamptz not null default now(),
    due_at       timestamptz not null,
    cancelled_at timestamptz,
    performed_at timestamptz,
    check ((status = 'CANCELLED') = (cancelled_at is not null)),
    check ((status = 'PERFORMED') = (performed_at is not null))
);
create unique index account_deletion_one_pending on account_deletion (account_id) where status = 'PENDING';
create index account_deletion_by_account on account_deletion (account_id, requested_at desc);

-- The account row stays (ledgers, orders and pledges refer to it) as an anonymous holder once erased.
alter table account add column erased_at timestamptz;

-- Who read whose unmasked phone or verification details.
create table data_access (
    id                 bigint generated always as identity primary key,
    subject_account_id bigint      not null references account (id),
    viewer_account_id  bigint      not null references account (id),
    what               text        not null check (what in ('ORDER_CONTACT_PHONE', 'VERIFICATION_DETAILS')),
    -- when it was read (recorded within seconds: the log is written in batches, off the request)
    created_at         timestamptz not null default now()
);
create index data_access_by_subject on data_access (subject_account_id, created_at, id);

-- How long records of each kind are kept; a daily timer purges older ones.
create table retention_rule (
    subject     text primary key check (subject in ('NOTIFICATION', 'AUTH_SESSION', 'DATA_ACCESS')),
    keep_for    interval not null check (keep_for > interval '0'),
    description text     not null check (length(description) between 1 and 200)
);
insert into retention_rule (subject, keep_for, description) values
    ('NOTIFICATION', interval '180 days', '站内通知（含其发送记录）自创建起保存 180 天'),
    ('AUTH_SESSION', interval '30 days', '已退出或已过期的登录会话记录保存 30 天'),
    ('DATA_ACCESS', interval '3 years', '工作人员查看个人信息的记录保存 3 年');

-- Minimisation: a proof photo (房产证, lease) is needed only to decide a verification request. When a request leaves
-- PENDING (approved, rejected, withdrawn) its proof photo is detached and deleted in the same statement's transaction,
-- whoever made the change; household's code needs no call for it, and no path can forget it. The photo is kept when
-- something else still refers to it (the same picture uploaded again is the same photo row).
create function verification_forget_proof() returns trigger language plpgsql as $$
begin
    if new.status <> 'PENDING' and new.proof_photo_id is not null then
        new.proof_photo_id := null;
    end if;
    return new;
end $$;
create trigger verification_forget_proof before update on verification_request
    for each row execute function verification_forget_proof();

create function verification_delete_proof() returns trigger language plpgsql as $$
begin
    delete from photo p
     where p.id = old.proof_photo_id
       and not exists (select 1 from verification_request r where r.proof_photo_id = p.id)
       and not exists (select 1 from account a where a.avatar_photo_id = p.id)
       and not exists (select 1 from pledge x where x.receipt_photo_id = p.id)
       and not exists (select 1 from campaign_expense x where x.receipt_photo_id = p.id)
       and not exists (select 1 from campaign x where x.cover_photo_id = p.id)
       and not exists (select 1 from service_order o where p.id = any(o.photo_ids) or p.id = any(o.completion_photo_ids));
    return null;
end $$;
create trigger verification_delete_proof after update on verification_request
    for each row when (old.proof_photo_id is not null and new.proof_photo_id is null)
    execute function verification_delete_proof();

-- requests decided before this migration lose their proof photos now
update verification_request set proof_photo_id = null where status <> 'PENDING' and proof_photo_id is not null;

insert into timer (kind, subject_id, due_at) values ('PRIVACY_RETENTION', 0, now() + interval '1 hour');
