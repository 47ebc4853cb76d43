-- A campaign's cover is a photo the staff member uploaded (POST /photos), shown through signed links, like every
-- other picture: a free-form URL would have every resident's phone load whatever host staff typed in. Nothing has
-- been deployed with the old column, so it is replaced rather than migrated.
alter table campaign drop column cover_image_url;
alter table campaign add column cover_photo_id bigint references photo (id);
-- deleting an unused photo checks this reference: keep that an index look-up
create index campaign_cover_photo on campaign (cover_photo_id) where cover_photo_id is not null;
