-- Auto-reply rules, tried per account by ascending priority (then oldest first).
-- trigger_type: direct_message, story_mention, story_reply, postback, quick_reply.
-- match_type: exact, contains, regex, any; pattern is null for any.
create table auto_reply_rule (
    id               varchar(40)              not null primary key,
    account_id       varchar(40)              not null references account (id) on delete cascade,
    name             varchar(100)             not null,
    trigger_type     varchar(32)              not null,
    match_type       varchar(16)              not null,
    pattern          varchar(500),
    reply_text       varchar(4000)            not null,
    fallback_name    varchar(100),
    priority         int                      not null,
    enabled          boolean                  not null,
    cooldown_seconds bigint,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);

create index ix_auto_reply_rule_account on auto_reply_rule (account_id, trigger_type, priority, created_at);

-- Users to whom auto-replies are paused: a person at the business wrote to them, or an operator paused them.
-- paused_until null: until resumed.
create table contact_pause (
    account_id   varchar(40)              not null references account (id) on delete cascade,
    user_id      varchar(64)              not null,
    paused_until timestamp with time zone,
    reason       varchar(32)              not null,
    paused_at    timestamp with time zone not null,
    primary key (account_id, user_id)
);

-- Which rule sent an auto-reply, for its cooldown and for the list of sent messages.
alter table outbound_message add column rule_id varchar(40);
create index ix_outbound_message_rule on outbound_message (rule_id, recipient_id, created_at);
create index ix_outbound_message_account on outbound_message (account_id, created_at, id);
