-- Every event Meta's webhooks delivered, once: the unique key recognises redeliveries.
-- user_id is the Instagram user of the conversation (the sender of inbound events, the recipient of echoes).
create table inbound_event (
    id                   varchar(40)              not null primary key,
    instagram_account_id varchar(64)              not null,
    dedupe_key           varchar(600)             not null,
    kind                 varchar(32)              not null,
    direction            varchar(8)               not null,
    sender_id            varchar(64),
    recipient_id         varchar(64),
    user_id              varchar(64),
    mid                  varchar(512),
    text                 text,
    attachments          text,
    details              text,
    event_time           timestamp with time zone not null,
    received_at          timestamp with time zone not null,
    standby              boolean                  not null,
    raw                  text                     not null,
    constraint uk_inbound_event_dedupe unique (instagram_account_id, dedupe_key)
);

create index ix_inbound_event_account_time on inbound_event (instagram_account_id, event_time desc, id desc);
create index ix_inbound_event_account_user_time on inbound_event (instagram_account_id, user_id, event_time desc);

-- One signed POST to an account's CRM, retried on a schedule; 'failed' is a dead letter that can be retried by hand.
-- source_key names what caused it, so the same cause never makes two deliveries.
create table crm_delivery (
    id                varchar(40)              not null primary key,
    account_id        varchar(40)              not null,
    event_type        varchar(64)              not null,
    source_key        varchar(600)             not null,
    payload           text                     not null,
    status            varchar(16)              not null,
    attempts          int                      not null,
    schedule_position int                      not null,
    replays           int                      not null,
    last_status_code  int,
    last_error        varchar(1000),
    next_attempt_at   timestamp with time zone,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    delivered_at      timestamp with time zone,
    constraint uk_crm_delivery_source unique (account_id, source_key)
);

create index ix_crm_delivery_account_status on crm_delivery (account_id, status, id);
