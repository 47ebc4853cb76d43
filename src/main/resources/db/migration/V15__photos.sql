-- Photos residents, partners and staff upload (order photos, completion photos, receipts). Kept in the database:
-- they are small (compressed by the mini-program, at most a few MB), belong to rows that reference them, and so
-- share their backups and transactions; an object store can replace this table behind PhotoService later.
create table photo (
    id               bigint generated always as identity primary key,
    owner_account_id bigint      not null references account (id),
    content_type     text        not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    byte_size        int         not null check (byte_size between 1 and 10485760),
    sha256           bytea       not null check (length(sha256) = 32),
    content          bytea       not null check (length(content) = byte_size),
    created_at       timestamptz not null default now(),
    -- set once something (an order, a receipt) refers to it; photos never attached are deleted after a day
    attached_at      timestamptz,
    -- the same picture uploaded again by the same person (a retried upload) is the same photo
    unique (owner_account_id, sha256)
);
-- upload quotas count an owner's recent and still unattached photos
create index photo_owner_recent on photo (owner_account_id, created_at);

-- Orders refer to photos by id (URLs are signed per viewer when read). Nothing has been deployed with the old
-- free-form https URLs, so they are replaced rather than migrated.
alter table service_order drop column photo_urls;
alter table service_order drop column completion_photos;
alter table service_order add column photo_ids bigint[] not null default '{}' check (cardinality(photo_ids) <= 9);
alter table service_order add column completion_photo_ids bigint[] not null default '{}'
    check (cardinality(completion_photo_ids) <= 9);
