-- Bulk import of a community's households (issue 12). An upload is parsed, checked against the tree and stored with
-- every row's outcome (the dry run: nothing is written to the tree); a commit later creates the missing places in one
-- transaction, re-checked against the tree as it is then.

-- 户主姓名 / 联系电话 as the community's register gives them. Personal data: shown to the community's staff only
-- (in the export and the import report); never used to verify anyone.
alter table household add column registered_head_name text check (length(registered_head_name) between 1 and 50);
alter table household add column registered_head_phone text
    check (registered_head_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$');

create table household_import (
    id                  bigint generated always as identity primary key,
    community_id        bigint      not null references community (id),
    uploaded_by         bigint      not null references account (id),
    file_name           text check (length(file_name) <= 200),
    format              text        not null check (format in ('XLSX', 'CSV')),
    status              text        not null check (status in ('CHECKED', 'COMMITTED')),
    row_count           int         not null check (row_count between 1 and 20000),
    new_count           int         not null check (new_count >= 0),
    already_there_count int         not null check (already_there_count >= 0),
    invalid_count       int         not null check (invalid_count >= 0),
    created_at          timestamptz not null default now(),
    committed_by        bigint references account (id),
    committed_at        timestamptz,
    check (new_count + already_there_count + invalid_count = row_count),
    -- committed exactly when it says so, and never with invalid rows
    check ((status = 'COMMITTED') = (committed_at is not null and committed_by is not null)),
    check (status <> 'COMMITTED' or invalid_count = 0)
);
create index household_import_by_community on household_import (community_id, created_at, id);

-- One row of the file, by its row number as a spreadsheet program shows it (header = 1).
create table household_import_row (
    import_id  bigint not null references household_import (id),
    row_number int    not null check (row_number >= 2),
    estate     text   not null check (length(estate) <= 200),
    building   text   not null check (length(building) <= 200),
    unit       text   not null check (length(unit) <= 200),
    room       text   not null check (length(room) <= 200),
    head_name  text check (length(head_name) <= 200),
    head_phone text check (length(head_phone) <= 200),
    outcome    text   not null check (outcome in ('NEW', 'ALREADY_THERE', 'INVALID')),
    reason     text check ((outcome = 'INVALID') = (reason is not null)),
    primary key (import_id, row_number)
);
create index household_import_row_by_outcome on household_import_row (import_id, outcome, row_number);
