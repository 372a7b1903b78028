-- Suggested legal clocks staff dismissed on a ticket (issue 22): the clock-type table suggests clocks from
-- the ticket's business type, legal category and words; a dismissed type is not suggested there again.
create table legal_clock_suggestion_dismissal (
    ticket_id    bigint      not null references ticket (id),
    clock_type   varchar(64) not null,
    dismissed_by varchar(64) not null,
    dismissed_at timestamp with time zone not null,
    primary key (ticket_id, clock_type)
);
