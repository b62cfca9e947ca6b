-- Comment rules may be limited to some posts: their media ids, comma-separated; null for every post.
alter table auto_reply_rule add column media_ids varchar(2000);

-- What a rule answers with: its reply_text ('text'), or a reply written by an AI model ('ai') following
-- ai_instructions, with reply_text as the fallback.
alter table auto_reply_rule add column action varchar(16) default 'text' not null;
alter table auto_reply_rule add column ai_instructions varchar(4000);
