-- 房屋认证: a person asks to join a household (as 户主, 家属 or 租户); the household's head, or the community's staff,
-- approve or reject; the applicant may withdraw while the request waits. Approval makes the person a member.

-- How each member is related to the household. Nullable because rows written elsewhere (seed and fixture SQL) know
-- only is_head; readers derive HEAD / FAMILY for them. When set it must agree with is_head, which stays the one
-- source of "who is the head" (the household_one_head index keeps it unique).
alter table household_member add column relation text check (relation in ('HEAD', 'FAMILY', 'TENANT'));
update household_member set relation = case when is_head then 'HEAD' else 'FAMILY' end;
alter table household_member add constraint household_member_relation_matches_head
    check (relation is null or (relation = 'HEAD') = is_head);

create table verification_request (
    id               bigint generated always as identity primary key,
    household_id     bigint      not null references household (id),
    -- copied from the household so approvers' queues are one index range (households never change community)
    community_id     bigint      not null references community (id),
    applicant_id     bigint      not null references account (id),
    relation         text        not null check (relation in ('HEAD', 'FAMILY', 'TENANT')),
    real_name        text        not null check (length(real_name) between 1 and 32),
    proof_photo_id   bigint references photo (id),
    status           text        not null default 'PENDING'
                         check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_by       bigint references account (id),
    decided_at       timestamptz,
    rejection_reason text check (length(rejection_reason) between 1 and 200),
    created_at       timestamptz not null default clock_timestamp(),
    -- a request leaves PENDING once, and only a rejection carries (and must carry) a reason
    check ((status = 'PENDING') = (decided_at is null)),
    check ((status = 'PENDING') = (decided_by is null)),
    check ((status = 'REJECTED') = (rejection_reason is not null))
);
-- one waiting request per person and household: concurrent identical applications leave exactly one
create unique index verification_one_pending on verification_request (household_id, applicant_id)
    where status = 'PENDING';
create index verification_by_applicant on verification_request (applicant_id, created_at, id);
create index verification_by_community on verification_request (community_id, status, created_at, id);
create index verification_by_household on verification_request (household_id, status, created_at, id);
-- deleting an unused photo checks this reference: keep that an index look-up
create index verification_proof_photo on verification_request (proof_photo_id) where proof_photo_id is not null;
