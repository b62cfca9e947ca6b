-- How each event reached the service: 'webhook', 'import' (history read when the account was connected) or
-- 'recovered' (read from the Conversations API because no webhook delivered it).
alter table inbound_event add column source varchar(16) default 'webhook' not null;
create index ix_inbound_event_recovered on inbound_event (source, received_at);

-- Whether imported history is forwarded to the account's CRM, and whether Meta still sends the account's webhooks.
alter table account add column forward_imported boolean default true not null;
alter table account add column subscription_status varchar(16) default 'unknown' not null;
alter table account add column subscription_checked_at timestamp with time zone;
alter table account add column subscription_error varchar(1000);

-- The history import of each account, the latest one: where it stands and where to go on after a restart.
create table history_import (
    account_id          varchar(40)              not null primary key,
    state               varchar(16)              not null,
    since               timestamp with time zone not null,
    page_cursor         varchar(2048),
    page_conversations  text,
    page_position       int                      not null,
    conversations_done  int                      not null,
    messages_read       int                      not null,
    messages_stored     int                      not null,
    errors              int                      not null,
    last_error          varchar(1000),
    started_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    finished_at         timestamp with time zone
);

-- Up to when each account's conversations were compared with what webhooks delivered.
create table history_reconciliation (
    account_id     varchar(40)              not null primary key,
    checked_until  timestamp with time zone not null,
    last_run_at    timestamp with time zone not null,
    recovered      bigint                   not null
);
