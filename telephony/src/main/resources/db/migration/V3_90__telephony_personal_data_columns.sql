-- Caller numbers at rest: encrypted (v1:<keyId>:…) with a blind index (HMAC-SHA256 hex) beside each.
-- V3_91 (Java) fills them from the clear columns and drops those.
alter table call_record add column caller_phone_enc varchar(200);
alter table call_record add column caller_phone_hash varchar(64);
create index call_record_caller_hash on call_record (caller_phone_hash, started_at);
alter table callback_task add column phone_enc varchar(200);
alter table callback_task add column phone_hash varchar(64);
