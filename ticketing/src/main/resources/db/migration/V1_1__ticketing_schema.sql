-- Tickets, their timelines, handling units, staff accounts and the event outbox.
-- Written in the SQL that H2 (embedded default) and PostgreSQL (production) both accept.

create sequence ticket_seq start with 1 increment by 50;
create sequence timeline_seq start with 1 increment by 50;
create sequence outbox_seq start with 1 increment by 50;

create table handling_unit (
    code        varchar(64)  primary key,
    name        varchar(100) not null,
    type        varchar(32)  not null,
    region_code varchar(6)   not null,
    phone       varchar(20),
    active      boolean      not null default true
);
create index handling_unit_region on handling_unit (region_code, type);

create table ticket (
    id                bigint        primary key,
    version           bigint        not null default 0,
    number            varchar(24)   not null,
    kind              varchar(24)   not null,
    channel           varchar(16)   not null,
    channel_ref       varchar(128)  not null,
    contact_name      varchar(64),
    contact_phone     varchar(20),
    wechat_openid     varchar(64),
    alipay_user_id    varchar(64),
    region_code       varchar(6)    not null,
    business_type     varchar(32)   not null,
    subject           varchar(200)  not null,
    text              varchar(8000) not null,
    status            varchar(16)   not null,
    handling_unit     varchar(64)   not null references handling_unit (code),
    routing_queue     varchar(16)   not null,
    route_rule        varchar(64),
    assignee          varchar(64),
    created_at        timestamp with time zone not null,
    due_at            timestamp with time zone not null,
    first_answered_at timestamp with time zone,
    closed_at         timestamp with time zone,
    escalated         boolean       not null default false,
    handed_over       boolean       not null default false,
    satisfaction      integer,
    constraint ticket_number_unique unique (number),
    -- the idempotency key of intake: one ticket per channel submission, whatever the retries
    constraint ticket_channel_ref_unique unique (channel, channel_ref)
);
create index ticket_queue_order on ticket (due_at, id);
create index ticket_unit_queue on ticket (handling_unit, status, due_at, id);
create index ticket_region on ticket (region_code);
create index ticket_contact_phone on ticket (contact_phone);

create table timeline_entry (
    id          bigint        primary key,
    ticket_id   bigint        not null references ticket (id),
    type        varchar(32)   not null,
    actor       varchar(64)   not null,
    text        varchar(8000),
    occurred_at timestamp with time zone not null
);
create index timeline_entry_ticket on timeline_entry (ticket_id, id);

create table staff_account (
    username      varchar(64)  primary key,
    password_hash varchar(100) not null,
    display_name  varchar(64)  not null,
    role          varchar(16)  not null,
    unit_code     varchar(64)  references handling_unit (code),
    enabled       boolean      not null default true
);

create table outbox_event (
    id            bigint        primary key,
    event_type    varchar(64)   not null,
    ticket_number varchar(24)   not null,
    payload       varchar(4000) not null,
    created_at    timestamp with time zone not null,
    processed_at  timestamp with time zone,
    attempts      integer       not null default 0,
    last_error    varchar(500)
);
create index outbox_event_pending on outbox_event (processed_at, id);

create table app_secret (
    name         varchar(64)  primary key,
    secret_value varchar(200) not null
);
