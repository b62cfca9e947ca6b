-- Console operators: emails stored lower-case; password_hash is a DelegatingPasswordEncoder hash ({bcrypt}...),
-- null until the operator has chosen a password through a one-time link.
create table operator (
    id            varchar(40)              not null primary key,
    email         varchar(254)             not null,
    display_name  varchar(100)             not null,
    role          varchar(16)              not null,
    password_hash varchar(200),
    enabled       boolean                  not null,
    last_login_at timestamp with time zone,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint uk_operator_email unique (email)
);

-- The accounts an agent works on (admins reach every account).
create table operator_account (
    operator_id varchar(40) not null references operator (id) on delete cascade,
    account_id  varchar(40) not null references account (id) on delete cascade,
    primary key (operator_id, account_id)
);

-- One-time links (first setup, invitations, password resets), by the SHA-256 of their token.
create table operator_link (
    token_hash  varchar(64)              not null primary key,
    purpose     varchar(16)              not null,
    operator_id varchar(40) references operator (id) on delete cascade,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    created_at  timestamp with time zone not null
);

-- Failed logins by subject ('email:...' or 'ip:...'), and the subjects locked after too many.
create table login_failure (
    subject   varchar(300)             not null,
    failed_at timestamp with time zone not null
);

create index ix_login_failure_subject on login_failure (subject, failed_at);
create index ix_login_failure_time on login_failure (failed_at);

create table login_lock (
    subject      varchar(300)             not null primary key,
    locked_until timestamp with time zone not null
);

-- Spring Session JDBC's tables (its schema-postgresql.sql), so any instance serves any operator's session.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);
