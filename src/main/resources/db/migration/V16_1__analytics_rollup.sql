-- Analytics read back from a rollup (dev.igautomation.analytics.AnalyticsRollup) instead of counting the events,
-- sends and deliveries of a whole period on each page view. Each account's rollup is exact as of refreshed_at; a
-- read first recomputes what changed since (null: never built yet, built on its first read).
create table analytics_rollup (
    account_id   varchar(40)              not null primary key,
    refreshed_at timestamp with time zone
);

-- Per account and 15-minute slot (epoch seconds / 900): every zone's day starts on a slot (offsets are whole
-- quarter hours: +05:30, +05:45, -09:30...), so days in any zone are sums of slots. No row: nothing in the slot.
create table analytics_slot (
    account_id       varchar(40) not null,
    slot             bigint      not null,
    received         bigint      not null,
    echoes           bigint      not null,
    recovered        bigint      not null,
    sends_sent       bigint      not null,
    sends_read       bigint      not null,
    sends_failed     bigint      not null,
    sends_pending    bigint      not null,
    auto_replies     bigint      not null,
    delivered        bigint      not null,
    delivery_failed  bigint      not null,
    delivery_pending bigint      not null,
    constraint pk_analytics_slot primary key (account_id, slot)
);

-- Each person who wrote to the account, and when they last did: a period's people are those whose last message is
-- in it, and those who wrote in it and again after it.
create table analytics_user (
    account_id      varchar(40)              not null,
    user_id         varchar(64)              not null,
    last_message_at timestamp with time zone not null,
    constraint pk_analytics_user primary key (account_id, user_id)
);
create index ix_analytics_user_last on analytics_user (account_id, last_message_at);

-- Auto-replies per rule and slot.
create table analytics_rule_slot (
    account_id varchar(40) not null,
    slot       bigint      not null,
    rule_id    varchar(40) not null,
    replies    bigint      not null,
    constraint pk_analytics_rule_slot primary key (account_id, slot, rule_id)
);

-- Each turn of a conversation: a user's message that opens it or follows one of the account's, and the account's
-- next message to that user (null: not answered yet). Keyed by the user's message.
create table reply_turn (
    event_id    varchar(40)              not null primary key,
    account_id  varchar(40)              not null,
    user_id     varchar(64)              not null,
    started_at  timestamp with time zone not null,
    answered_at timestamp with time zone
);
create index ix_reply_turn_account_time on reply_turn (account_id, started_at, answered_at);
create index ix_reply_turn_account_user on reply_turn (account_id, user_id);

-- What changed since a rollup's refresh: events by arrival, sends and deliveries by their last change.
create index ix_inbound_event_account_received on inbound_event (instagram_account_id, received_at);
create index ix_outbound_message_account_updated on outbound_message (account_id, updated_at);
create index ix_crm_delivery_account_updated on crm_delivery (account_id, updated_at);
-- The console's list of an account's sends of one status, newest first.
create index ix_outbound_message_account_status on outbound_message (account_id, status, created_at, id);
