-- Festival receipts are photos the recording staff member uploaded (POST /photos), referred to by id; their URLs are
-- signed per viewer when read. Nothing has been deployed with the old free-form https receipt URLs, so the columns
-- are dropped and replaced rather than migrated.
alter table pledge drop column receipt_url;
-- set for offline contributions (older rows, and other kinds of pledge, have none)
alter table pledge add column receipt_photo_id bigint references photo (id);

alter table campaign_expense drop column receipt_url;
alter table campaign_expense add column receipt_photo_id bigint not null references photo (id);

-- deleting an unused photo checks these references: keep that an index look-up, not a scan
create index pledge_receipt_photo on pledge (receipt_photo_id) where receipt_photo_id is not null;
create index campaign_expense_receipt_photo on campaign_expense (receipt_photo_id);
