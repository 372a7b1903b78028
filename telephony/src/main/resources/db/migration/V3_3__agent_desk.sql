-- A staff member's phone desk: the AMI queue interface they answer on, the queues they serve, and the
-- state they chose (kept so that a page reload shows it and an AMI reconnect re-applies it to the PBX).
-- Written in the SQL that H2 (embedded default) and PostgreSQL (production) both accept.
create table agent_desk (
    username        varchar(64)  primary key,
    version         bigint       not null default 0,
    -- e.g. PJSIP/1001, as Asterisk names the queue member
    member_interface varchar(64) not null,
    -- comma-separated queue names of queues.conf
    queues          varchar(512) not null,
    state           varchar(16)  not null,
    pause_reason    varchar(24),
    state_since     timestamp with time zone not null,
    -- end of the after-call work of WRAP_UP
    wrap_up_until   timestamp with time zone,
    -- the call the queue connected last (Uniqueid of the caller's channel), shown again after a reload
    current_call_id varchar(64),
    constraint agent_desk_interface_unique unique (member_interface)
);
