-- A staff member who taps 创建项目 twice (or whose client retries after a timeout) gets the first project back: the key
-- is the client's, unique per creator; the request hash tells a replay from a different project under a reused key.
alter table project add column idempotency_key text, add column request_hash text;
create unique index project_by_idempotency_key on project (created_by, idempotency_key) where idempotency_key is not null;
