-- An event that could not be stored as what it is (kind 'invalid') says why; an event whose own time could not be
-- used (missing, unreadable, or implausible) is stored at the time it arrived, and says so.
alter table inbound_event add column problem varchar(1000);
alter table inbound_event add column timestamp_adjusted boolean default false not null;
