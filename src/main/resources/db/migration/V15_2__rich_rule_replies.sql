-- Rules may answer with buttons or cards (reply_content: JSON {"buttons": [...]} or {"cards": [...]}), after a typing
-- indicator shown for typing_seconds; a rule answering with cards needs no reply text. trigger_type gains referral.
alter table auto_reply_rule add column reply_content varchar(200000);
alter table auto_reply_rule add column typing_seconds int;
alter table auto_reply_rule alter column reply_text drop not null;
