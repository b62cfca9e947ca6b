-- The inbox: one row per conversation (an account and an Instagram user), kept up to date from the stored events by
-- the inbox's listener, with what people set on it (read up to when, assignee, open or done).
create table conversation (
    account_id           varchar(40)              not null references account (id) on delete cascade,
    user_id              varchar(64)              not null,
    username             varchar(100),
    name                 varchar(200),
    first_seen_at        timestamp with time zone not null,
    last_activity_at     timestamp with time zone not null,
    last_preview         varchar(300),
    last_direction       varchar(8)               not null,
    last_user_message_at timestamp with time zone,
    message_count        bigint                   not null,
    read_up_to           timestamp with time zone,
    unread_count         int                      not null,
    assignee_id          varchar(40) references operator (id) on delete set null,
    state                varchar(8)               not null,
    done_at              timestamp with time zone,
    updated_at           timestamp with time zone not null,
    primary key (account_id, user_id)
);

-- The list, newest activity first, read backwards along one index; filters narrow the same range scan.
create index ix_conversation_account_activity on conversation (account_id, last_activity_at desc, user_id desc);
create index ix_conversation_account_username on conversation (account_id, username);

-- What changed in the inbox, in commit order (ids are taken under the lock of inbox_sequence's one row, so a
-- lower id never commits after a higher one): live pages follow it, and a dropped connection resumes from its last id.
create table inbox_change (
    id         bigint                   not null primary key,
    account_id varchar(40)              not null,
    user_id    varchar(64)              not null,
    change     varchar(16)              not null,
    created_at timestamp with time zone not null
);

create index ix_inbox_change_created on inbox_change (created_at);

create table inbox_sequence (
    id      int    not null primary key,
    last_id bigint not null
);

insert into inbox_sequence (id, last_id) values (1, 0);
