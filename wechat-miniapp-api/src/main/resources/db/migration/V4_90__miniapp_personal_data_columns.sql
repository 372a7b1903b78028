-- Platform identities and phone numbers at rest: encrypted (v1:<keyId>:…), with a blind index
-- (HMAC-SHA256 hex) where something looks them up. V4_91 (Java) fills them and drops the clear columns.
alter table miniapp_citizen add column wechat_openid_enc varchar(200);
alter table miniapp_citizen add column wechat_openid_hash varchar(64);
alter table miniapp_citizen add column wechat_unionid_enc varchar(200);
alter table miniapp_citizen add column alipay_user_id_enc varchar(200);
alter table miniapp_citizen add column alipay_user_id_hash varchar(64);
alter table miniapp_citizen add column phone_enc varchar(200);
alter table miniapp_citizen add column phone_hash varchar(64);
alter table miniapp_citizen add constraint miniapp_citizen_wechat_hash_unique unique (wechat_openid_hash);
alter table miniapp_citizen add constraint miniapp_citizen_alipay_hash_unique unique (alipay_user_id_hash);
create index miniapp_citizen_phone_hash on miniapp_citizen (phone_hash);
alter table miniapp_notification add column recipient_enc varchar(200);
