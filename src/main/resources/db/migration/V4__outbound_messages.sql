-- Whether sends for an account are held to Meta's 24-hour window, and whether its token still works.
alter table account add column messaging_window_enforced boolean default true not null;
alter table account add column token_status varchar(16) default 'valid' not null;
alter table account add column token_error varchar(1000);

-- Messages sent through the Graph API, one per (account, idempotency key).
-- in_flight_until: while the request that created it is still being answered (a duplicate then gets 409).
create table outbound_message (
    id                   varchar(40)              not null primary key,
    account_id           varchar(40)              not null,
    idempotency_key      varchar(255)             not null,
    request_hash         varchar(64)              not null,
    recipient_id         varchar(64),
    comment_id           varchar(64),
    body                 text                     not null,
    text                 text,
    tag                  varchar(32),
    source               varchar(16)              not null,
    status               varchar(16)              not null,
    attempts             int                      not null,
    instagram_message_id varchar(512),
    error_code           int,
    error_subcode        int,
    error_message        varchar(1000),
    fbtrace_id           varchar(64),
    next_attempt_at      timestamp with time zone,
    attempt_started_at   timestamp with time zone,
    in_flight_until      timestamp with time zone,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    sent_at              timestamp with time zone,
    read_at              timestamp with time zone,
    constraint uk_outbound_message_idempotency unique (account_id, idempotency_key)
);

create index ix_outbound_message_mid on outbound_message (instagram_message_id);
create index ix_outbound_message_recipient on outbound_message (account_id, recipient_id, status, created_at);
