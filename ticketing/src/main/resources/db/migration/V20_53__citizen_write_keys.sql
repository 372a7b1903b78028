-- The Idempotency-Key of each follow-up, acceptance and rating a citizen sent on the web, so a retry
-- after a lost answer does not do the write again. Only keyed hashes: of the key (with its ticket) and of
-- the request it came with, so a key reused for another write is told apart from a retry.
create table citizen_write_key (
    ticket_number varchar(32) not null,
    key_hash      varchar(64) not null,
    request_hash  varchar(64) not null,
    created_at    timestamp with time zone not null,
    primary key (ticket_number, key_hash)
);
create index citizen_write_key_created on citizen_write_key (created_at);
