-- The console lists an account's CRM deliveries newest first, of any status: one index range scan, read backwards.
create index ix_crm_delivery_account_id on crm_delivery (account_id, id);
