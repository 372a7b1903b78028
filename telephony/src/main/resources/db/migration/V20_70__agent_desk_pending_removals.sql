-- Queue memberships an administrator took away from a desk that was in the queues while the PBX could
-- not be told: "interface queue" pairs separated by commas, sent as QueueRemove after the next AMI
-- login and then cleared. Without it a PBX with persistent members would keep ringing a queue the
-- desk no longer serves. Written in the SQL that H2 and PostgreSQL both accept.
alter table agent_desk add column pending_removals varchar(4000);
