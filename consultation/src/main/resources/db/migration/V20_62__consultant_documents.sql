-- A volunteer lawyer's licence photos or scans, uploaded on the public sign-up page before the account
-- exists: unbound (username null) until the registration names them, deleted after a day if it never does.
create table consultant_document (
    id           uuid          primary key,
    username     varchar(64)   references staff_account (username) on delete cascade,
    file_name    varchar(200)  not null,
    content_type varchar(100)  not null,
    size_bytes   integer       not null,
    content      bytea         not null,
    uploaded_at  timestamp with time zone not null
);
-- an administrator's list (by owner) and the retention run (unbound, by age); no partial index, H2 runs it too
create index consultant_document_owner on consultant_document (username, uploaded_at);
