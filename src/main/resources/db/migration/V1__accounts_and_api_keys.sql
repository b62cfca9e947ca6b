-- Accounts: one Instagram professional account each, with its CRM endpoint.
-- Credentials are AES-256-GCM ciphertexts (see account.CredentialCipher), never plaintext.
create table account (
    id                   varchar(40)              not null primary key,
    instagram_account_id varchar(32)              not null,
    username             varchar(64)              not null,
    access_token         bytea                    not null,
    crm_webhook_url      varchar(2048),
    webhook_secret       bytea,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint                   not null,
    constraint uk_account_instagram_account_id unique (instagram_account_id)
);

-- API keys are stored as SHA-256 hashes; lookup_id is the public part of the key used to find its row.
create table api_key (
    id           varchar(40)              not null primary key,
    name         varchar(100)             not null,
    lookup_id    varchar(16),
    prefix       varchar(32)              not null,
    key_hash     bytea                    not null,
    admin        boolean                  not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint uk_api_key_lookup_id unique (lookup_id)
);

-- The accounts a key is limited to; a key with no rows here may use every account.
create table api_key_account (
    api_key_id varchar(40) not null references api_key (id) on delete cascade,
    account_id varchar(40) not null,
    primary key (api_key_id, account_id)
);
