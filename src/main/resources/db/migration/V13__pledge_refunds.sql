-- Refunds of money pledges (a failed all-or-nothing campaign): out_refund_no is derived from the pledge, so WeChat
-- Pay sees one refund per pledge however often it is requested.
alter table pledge add column refund_requested_at timestamptz;
alter table pledge add column refunded_at timestamptz;
