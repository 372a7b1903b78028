-- The mini-program channels (WeChat, Alipay): citizens signed in through a platform, the secret
-- of their session tokens, the client message ids of their writes, and outgoing notifications.
-- Written in the SQL that H2 (embedded default) and PostgreSQL (production) both accept.

create sequence miniapp_citizen_seq start with 1 increment by 50;
create sequence miniapp_notification_seq start with 1 increment by 50;

create table miniapp_citizen (
    id             bigint       primary key,
    wechat_openid  varchar(64),
    wechat_unionid varchar(64),
    alipay_user_id varchar(64),
    phone          varchar(20),
    created_at     timestamp with time zone not null,
    signed_in_at   timestamp with time zone not null,
    constraint miniapp_citizen_wechat_unique unique (wechat_openid),
    constraint miniapp_citizen_alipay_unique unique (alipay_user_id)
);
create index miniapp_citizen_phone on miniapp_citizen (phone);

-- One generated HMAC key for session tokens when none is configured, shared by every node.
create table miniapp_secret (
    name         varchar(64)  primary key,
    secret_value varchar(200) not null
);

-- A write a citizen made, keyed by their client message id: a retry answers without doing it again.
create table miniapp_client_message (
    citizen_id        bigint       not null references miniapp_citizen (id),
    client_message_id varchar(64)  not null,
    action            varchar(32)  not null,
    ticket_number     varchar(24)  not null,
    created_at        timestamp with time zone not null,
    constraint miniapp_client_message_pk primary key (citizen_id, client_message_id)
);

-- What a citizen allowed us to send: WeChat subscribe grants (one message each) and Alipay form ids.
create table miniapp_send_grant (
    citizen_id bigint       not null references miniapp_citizen (id),
    grant_key  varchar(128) not null,
    channel    varchar(16)  not null,
    remaining  integer      not null,
    expires_at timestamp with time zone,
    updated_at timestamp with time zone not null,
    constraint miniapp_send_grant_pk primary key (citizen_id, grant_key)
);

create table miniapp_notification (
    id              bigint        primary key,
    ticket_number   varchar(24)   not null,
    channel         varchar(16)   not null,
    kind            varchar(16)   not null,
    recipient       varchar(64)   not null,
    title           varchar(100)  not null,
    summary         varchar(300)  not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(300),
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone
);
create index miniapp_notification_due on miniapp_notification (status, next_attempt_at);
