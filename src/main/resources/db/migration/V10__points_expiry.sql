-- Optional expiry of earned points after N months (null: points never expire). Expired points go to the pool.
alter table timebank_rule add column expiry_months int check (expiry_months between 1 and 120);
