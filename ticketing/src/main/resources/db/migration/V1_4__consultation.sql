-- Volunteer consultants: certification with its decisions, claims on pool questions, answers with
-- their quality review, and the append-only points ledger.

alter table ticket add column claimed_at timestamp with time zone;
create index ticket_pool_claims on ticket (routing_queue, status, claimed_at);

create sequence certification_decision_seq start with 1 increment by 50;
create sequence consultation_answer_seq start with 1 increment by 50;
create sequence points_entry_seq start with 1 increment by 50;

create table consultant (
    username       varchar(64)   primary key references staff_account (username),
    version        bigint        not null default 0,
    qualification  varchar(32)   not null,
    licence_number varchar(64)   not null,
    region_code    varchar(6)    not null,
    business_types varchar(400)  not null,
    categories     varchar(400)  not null,
    statement      varchar(1000),
    status         varchar(16)   not null,
    valid_until    date,
    applied_at     timestamp with time zone not null
);

create table certification_decision (
    id          bigint       primary key,
    consultant  varchar(64)  not null references consultant (username),
    decision    varchar(16)  not null,
    decided_by  varchar(64)  not null,
    reason      varchar(500),
    decided_at  timestamp with time zone not null
);
create index certification_decision_consultant on certification_decision (consultant, id);

create table consultation_answer (
    id             bigint        primary key,
    version        bigint        not null default 0,
    ticket_number  varchar(24)   not null references ticket (number),
    consultant     varchar(64)   not null,
    text           varchar(8000) not null,
    cited_articles varchar(1000),
    answered_at    timestamp with time zone not null,
    review_status  varchar(16)   not null,
    flagged_by     varchar(64),
    flag_reason    varchar(500),
    reviewed_by    varchar(64),
    review_reason  varchar(500),
    reviewed_at    timestamp with time zone
);
create index consultation_answer_ticket on consultation_answer (ticket_number, id);
create index consultation_answer_review on consultation_answer (review_status);

create table points_entry (
    id            bigint       primary key,
    consultant    varchar(64)  not null,
    answer_id     bigint       not null references consultation_answer (id),
    ticket_number varchar(24)  not null,
    reason        varchar(32)  not null,
    points        integer      not null,
    region_code   varchar(6)   not null,
    created_at    timestamp with time zone not null,
    -- the rule that makes double awards impossible, whatever retries or races happen
    constraint points_entry_once unique (answer_id, reason)
);
create index points_entry_consultant on points_entry (consultant, created_at);
create index points_entry_month on points_entry (created_at, region_code);
