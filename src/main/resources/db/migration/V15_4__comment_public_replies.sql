-- Comment rules may also answer publicly under the comment, with one of several texts chosen at random
-- (public_replies, a JSON array), and skip comments containing given words (excluded_words, a JSON array).
alter table auto_reply_rule add column public_replies varchar(60000);
alter table auto_reply_rule add column excluded_words varchar(10000);

-- One public reply per comment, with what Meta answered (status: sending, sent, failed).
create table comment_public_reply (
    comment_id    varchar(64)              not null primary key,
    account_id    varchar(40)              not null references account (id) on delete cascade,
    rule_id       varchar(40),
    text          varchar(4000)            not null,
    status        varchar(16)              not null,
    reply_id      varchar(64),
    error_code    int,
    error_message varchar(2000),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);

create index ix_comment_public_reply_account on comment_public_reply (account_id, created_at, comment_id);
create index ix_comment_public_reply_rule on comment_public_reply (rule_id, created_at);
