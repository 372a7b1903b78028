-- Calls of the 12348 hotline and the callbacks owed to citizens.
-- Written in the SQL that H2 (embedded default) and PostgreSQL (production) both accept.

create sequence call_record_seq start with 1 increment by 50;
create sequence callback_task_seq start with 1 increment by 50;

create table call_record (
    id             bigint       primary key,
    version        bigint       not null default 0,
    -- Asterisk's Uniqueid of the channel that runs the IVR and waits in the queue
    call_id        varchar(64)  not null,
    caller_phone   varchar(20),
    region_code    varchar(6),
    business_type  varchar(32),
    queue_name     varchar(64),
    outcome        varchar(24)  not null,
    started_at     timestamp with time zone not null,
    queued_at      timestamp with time zone,
    answered_at    timestamp with time zone,
    ended_at       timestamp with time zone,
    wait_seconds   integer,
    talk_seconds   integer,
    agent          varchar(128),
    recording_file varchar(255),
    ticket_number  varchar(24),
    rating         integer,
    constraint call_record_call_id_unique unique (call_id)
);
create index call_record_started on call_record (started_at, id);
create index call_record_caller on call_record (caller_phone, started_at);
create index call_record_ticket on call_record (ticket_number);

create table callback_task (
    id              bigint       primary key,
    version         bigint       not null default 0,
    ticket_number   varchar(24)  not null,
    call_id         varchar(64),
    phone           varchar(20)  not null,
    agent_extension varchar(32)  not null,
    reason          varchar(24)  not null,
    status          varchar(16)  not null,
    due_at          timestamp with time zone not null,
    attempts        integer      not null default 0,
    action_id       varchar(64),
    last_result     varchar(200),
    requested_by    varchar(64)  not null,
    created_at      timestamp with time zone not null,
    completed_at    timestamp with time zone
);
create index callback_task_due on callback_task (status, due_at);
create index callback_task_ticket on callback_task (ticket_number);
