-- An avatar is a photo the person uploaded (WeChat's chooseAvatar gives a local file, not a URL), shown through signed
-- links. Nothing has been deployed with the old free-form URL column, so it is replaced rather than migrated.
alter table account drop column avatar_url;
alter table account add column avatar_photo_id bigint references photo (id);
-- deleting an unused photo checks this reference: keep that an index look-up
create index account_avatar_photo on account (avatar_photo_id) where avatar_photo_id is not null;
