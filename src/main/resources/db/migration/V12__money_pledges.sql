-- Money pledges are paid through WeChat Pay: the merchant order number and WeChat's transaction id.
alter table pledge add column out_trade_no text unique check (out_trade_no ~ '^[A-Za-z0-9_-]{6,32}$');
alter table pledge add column transaction_id text;
alter table pledge add column paid_at timestamptz;
