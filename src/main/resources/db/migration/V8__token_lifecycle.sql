-- Long-lived Instagram tokens: when the current one was issued and when it expires (null: unknown, e.g. a token set by
-- hand), and the last refresh that failed.
alter table account add column token_issued_at timestamp with time zone;
alter table account add column token_expires_at timestamp with time zone;
alter table account add column token_refresh_error varchar(1000);
alter table account add column token_refresh_failed_at timestamp with time zone;

-- Analytics counts an account's CRM deliveries over a period.
create index ix_crm_delivery_account_created on crm_delivery (account_id, created_at);
