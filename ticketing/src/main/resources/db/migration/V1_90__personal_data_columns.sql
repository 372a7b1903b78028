-- Personal data at rest: each value gets an encrypted column (v1:<keyId>:<base64 iv|ct|tag>) and a
-- blind index (HMAC-SHA256 hex) that lookups compare. V1_91 (Java) fills them from the clear
-- columns and drops those. Written in the SQL that H2 and PostgreSQL both accept.
alter table ticket add column contact_phone_enc varchar(200);
alter table ticket add column contact_phone_hash varchar(64);
alter table ticket add column contact_id_number_enc varchar(200);
alter table ticket add column contact_id_number_hash varchar(64);
alter table ticket add column wechat_openid_enc varchar(200);
alter table ticket add column wechat_openid_hash varchar(64);
alter table ticket add column alipay_user_id_enc varchar(200);
alter table ticket add column alipay_user_id_hash varchar(64);
create index ticket_contact_phone_hash on ticket (contact_phone_hash);
create index ticket_contact_id_number_hash on ticket (contact_id_number_hash);
create index ticket_wechat_openid_hash on ticket (wechat_openid_hash);
create index ticket_alipay_user_id_hash on ticket (alipay_user_id_hash);
