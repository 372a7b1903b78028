-- Reminders of legal clocks sent, one row per clock, due date and offset (days before the due date).
-- The primary key is what makes a reminder go out exactly once across nodes and restarts: the node whose
-- insert commits sends it in the same transaction; any other node's insert fails and sends nothing.
-- A clock whose due date moves (an interruption) is reminded again for its new date.
create table legal_clock_reminder (
    clock_id    bigint  not null references legal_clock (id),
    due_date    date    not null,
    offset_days integer not null,
    sent_at     timestamp with time zone not null,
    primary key (clock_id, due_date, offset_days)
);
