-- Which consent to the citizen app's privacy notice a web submission was made under (issue 21): the id of
-- the citizen_consent row the intake checked (X-Consent-Id). No foreign key: the consents live in the
-- mini-program module, which not every application of ticketing contains. Null for tickets from other
-- channels and from clients that send no consent.
alter table ticket add column consent_id varchar(36);
