-- A callback is done only when agent and citizen were both connected: the agent leg's Uniqueid ties the
-- citizen's DialEnd and the agent's Hangup to the task; dialed_at finds attempts whose outcome never
-- came; history keeps one line per attempt for the dispatcher who takes a failed callback over.
alter table callback_task add column channel_id varchar(64);
alter table callback_task add column dialed_at timestamp with time zone;
alter table callback_task add column history varchar(2000);
create index callback_task_channel on callback_task (channel_id);
