-- Consent to the citizen app's privacy notice (issue 21): which version was accepted, on which channel,
-- when, and when it was withdrawn. PIPL wants the operator to be able to show both, so a withdrawal
-- marks the row and keeps it. Nothing in it identifies a person: no phone number, no openid, only the
-- mini-program account it was given under, which becomes null when that account is deleted.
-- Written in the SQL that H2 (embedded default) and PostgreSQL (production) both accept.

create table citizen_consent (
    id             varchar(36) primary key,
    notice_version varchar(20) not null,
    channel        varchar(10) not null,
    account_id     bigint references miniapp_citizen (id) on delete set null,
    recorded_at    timestamp with time zone not null,
    withdrawn_at   timestamp with time zone
);
create index citizen_consent_account on citizen_consent (account_id);
