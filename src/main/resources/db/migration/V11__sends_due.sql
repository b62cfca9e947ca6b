-- A message not yet sent or failed is due at next_attempt_at: to be attempted (pending), or to stop waiting for the
-- outcome of the attempt under way (sending). The send sweep looks for those due; messages queued by earlier
-- versions (which had a job each) are due at once.
update outbound_message set next_attempt_at = updated_at
where status in ('pending', 'sending') and next_attempt_at is null;
create index ix_outbound_message_due on outbound_message (status, next_attempt_at);
