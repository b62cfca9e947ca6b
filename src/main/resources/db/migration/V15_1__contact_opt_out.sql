-- Users who opted out of automated messages (STOP) or back in (START), per account. changed_by names the event
-- (a message's stored id) that made the last change, so that handling the same message again changes nothing more.
create table contact_opt_out (
    account_id varchar(40)              not null references account (id) on delete cascade,
    user_id    varchar(64)              not null,
    opted_out  boolean                  not null,
    changed_at timestamp with time zone not null,
    changed_by varchar(64)              not null,
    primary key (account_id, user_id)
);

create index ix_contact_opt_out_out on contact_opt_out (opted_out, account_id, user_id);
