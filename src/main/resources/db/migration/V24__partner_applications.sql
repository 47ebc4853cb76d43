-- Partners come in through the API: a person applies to serve communities, and each community's staff decide on their
-- own request; membership of a partner is an invitation the person accepts (issue 16: no one is made a partner without
-- consent).

-- An application names the partner-to-be and the communities it wants to serve. open = some community has not decided
-- yet; one open application per applicant, so twenty identical submissions at once leave one.
create table partner_application (
    id                bigint generated always as identity primary key,
    applicant_id      bigint      not null references account (id),
    kind              text        not null check (kind in ('UNIT', 'SOCIAL_ORGANISATION', 'MERCHANT', 'CRAFTSMAN')),
    name              text        not null check (length(name) between 1 and 60),
    description       text check (length(description) <= 500),
    contact_name      text        not null check (length(contact_name) between 1 and 30),
    contact_phone     text        not null check (contact_phone ~ '^[0-9-]{5,20}$'),
    category_ids      bigint[]    not null check (cardinality(category_ids) between 1 and 20),
    licence_photo_ids bigint[]    not null default '{}' check (cardinality(licence_photo_ids) <= 9),
    open              boolean     not null default true,
    -- the partner the first approval created; later approvals add contracts to it
    partner_id        bigint references partner (id),
    created_at        timestamptz not null default now()
);
create unique index partner_application_one_open on partner_application (applicant_id) where open;
create index partner_application_by_applicant on partner_application (applicant_id, created_at desc, id desc);

-- One community's answer to an application: each decides independently, once.
create table partner_application_community (
    application_id bigint      not null references partner_application (id),
    community_id   bigint      not null references community (id),
    status         text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    reason         text check (length(reason) <= 200),
    decided_by     bigint references account (id),
    decided_at     timestamptz,
    -- the contract an approval signed: unique, so a (application, community) pair never yields two
    contract_id    bigint unique,
    primary key (application_id, community_id),
    check ((status = 'REJECTED') = (reason is not null)),
    check ((status = 'APPROVED') = (contract_id is not null))
);
create index partner_application_by_community on partner_application_community (community_id, status);

-- The capacity a community agreed in its contract (contracts from applications; staff onboarding leaves it null).
alter table partner_contract add column capacity int check (capacity between 1 and 1000);
alter table partner_application_community
    add constraint partner_application_contract foreign key (contract_id) references partner_contract (id);

-- 邀请: someone is asked to join a partner (by staff onboarding it, or by its admins); they become a member only by
-- accepting. One pending invitation per (partner, person).
create table partner_invitation (
    id           bigint generated always as identity primary key,
    partner_id   bigint      not null references partner (id),
    account_id   bigint      not null references account (id),
    role         text        not null check (role in ('ADMIN', 'MEMBER')),
    status       text        not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    invited_by   bigint      not null references account (id),
    -- the community whose staff invited (onboarding), for the audit trail; null when the partner's admin invited
    community_id bigint references community (id),
    created_at   timestamptz not null default now(),
    answered_at  timestamptz
);
create unique index partner_invitation_one_pending on partner_invitation (partner_id, account_id) where status = 'PENDING';
create index partner_invitation_by_account on partner_invitation (account_id, created_at desc, id desc);
