-- "This solved my problem" counts once per article, client and day (issue 17: a script inflated the
-- count). client_key is a keyed hash of the client address and the day (Impressions.clientOfDay): no
-- address is stored and a client's days cannot be linked. Rows from before have none and stay counted.
alter table kb_deflection add column client_key varchar(64);
create unique index kb_deflection_once on kb_deflection (article_id, client_key);
