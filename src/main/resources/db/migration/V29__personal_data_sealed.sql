-- Phone numbers and real names are sealed by the application (AES-256-GCM, cn.linli.platform.crypto) before they are
-- written: the database holds "enc:<key id>:<Base64>" instead of the text. The format checks move to the application
-- (Bean Validation on every input); the database keeps an upper bound on the sealed length. Rows written before this
-- version, and demo SQL, hold plain text until the server's background re-sealing rewrites them.
alter table account drop constraint if exists account_phone_check;
alter table account add constraint account_phone_sealed_length check (length(phone) <= 200);
alter table household drop constraint if exists household_registered_head_name_check;
alter table household drop constraint if exists household_registered_head_phone_check;
alter table household add constraint household_registered_head_sealed_length
    check (length(registered_head_name) <= 300 and length(registered_head_phone) <= 200);
alter table household_import_row drop constraint if exists household_import_row_head_name_check;
alter table household_import_row drop constraint if exists household_import_row_head_phone_check;
alter table household_import_row add constraint household_import_row_head_sealed_length
    check (length(head_name) <= 600 and length(head_phone) <= 600);
alter table verification_request drop constraint if exists verification_request_real_name_check;
alter table verification_request add constraint verification_request_real_name_sealed_length
    check (length(real_name) between 1 and 200);
alter table partner_application drop constraint if exists partner_application_contact_name_check;
alter table partner_application drop constraint if exists partner_application_contact_phone_check;
alter table partner_application add constraint partner_application_contact_sealed_length
    check (length(contact_name) between 1 and 200 and length(contact_phone) between 1 and 200);
alter table partner drop constraint if exists partner_contact_phone_check;
alter table partner add constraint partner_contact_phone_sealed_length check (length(contact_phone) <= 200);
alter table service_order drop constraint if exists service_order_contact_phone_check;
alter table service_order add constraint service_order_contact_phone_sealed_length
    check (length(contact_phone) between 1 and 200);

-- Lookups compare keyed hashes (HMAC-SHA256 of the digits, hex), never the sealed text, which differs at every write.
alter table account add column phone_hash text check (phone_hash ~ '^[0-9a-f]{64}$');
alter table household add column registered_head_phone_hash text check (registered_head_phone_hash ~ '^[0-9a-f]{64}$');
create index account_phone_hash on account (phone_hash) where phone_hash is not null;
create index household_registered_head_phone_hash on household (registered_head_phone_hash)
    where registered_head_phone_hash is not null;
