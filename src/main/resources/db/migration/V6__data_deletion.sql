-- Meta's data-deletion requests, by confirmation code; no user id is kept.
create table data_deletion_request (
    confirmation_code varchar(40)              not null primary key,
    status            varchar(16)              not null,
    requested_at      timestamp with time zone not null,
    completed_at      timestamp with time zone
);

-- Deleting a user's data finds their events and messages across accounts.
create index ix_inbound_event_user on inbound_event (user_id);
create index ix_outbound_message_recipient_only on outbound_message (recipient_id);
