-- Holiday arrangements edited by administrators (issue 22), layered over the shipped files: a year here
-- replaces that year's file as a whole (one State Council notice is one year); removing the row brings the
-- shipped file back. Columns say calendar_year and calendar_day because YEAR and DAY are reserved in H2. Who changed what and when is in the audit log (HOLIDAY_CALENDAR_CHANGED).
create table holiday_calendar_year (
    calendar_year integer   not null primary key,
    status     varchar(16)  not null,
    source     varchar(200) not null,
    updated_by varchar(64)  not null,
    updated_at timestamp with time zone not null,
    constraint holiday_calendar_year_status check (status in ('OFFICIAL', 'PROVISIONAL'))
);

create table holiday_calendar_day (
    calendar_day  date        not null primary key,
    calendar_year integer     not null references holiday_calendar_year (calendar_year) on delete cascade,
    kind varchar(8)  not null,
    name varchar(40) not null,
    constraint holiday_calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

create index holiday_calendar_day_year on holiday_calendar_day (calendar_year);
