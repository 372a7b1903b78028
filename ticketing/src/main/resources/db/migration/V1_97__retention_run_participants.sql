-- What each module's RetentionParticipant (e.g. the mini-program accounts nobody signed in to) did in a
-- retention run, so the administrators' list of runs shows more than the tickets.

create table retention_run_participant (
    run_id      bigint       not null references retention_run (id),
    participant varchar(64)  not null,
    description varchar(200) not null,
    deleted     integer      not null,
    failed      boolean      not null,
    primary key (run_id, participant)
);
