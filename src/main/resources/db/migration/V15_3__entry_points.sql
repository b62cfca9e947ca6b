-- An account's entry points as last set (kind: ice_breakers, persistent_menu; content: Meta's JSON), and what Meta
-- answered when they were pushed (meta_status: pending, synced, failed).
create table entry_point (
    account_id      varchar(40)              not null references account (id) on delete cascade,
    kind            varchar(32)              not null,
    content         varchar(200000)          not null,
    meta_status     varchar(16)              not null,
    meta_error      varchar(2000),
    meta_error_code int,
    synced_at       timestamp with time zone,
    updated_at      timestamp with time zone not null,
    primary key (account_id, kind)
);
