-- The staff queue sorts by the nearest legal deadline still ahead (issue 22). It lives beside the clocks
-- (legal_clock.due_date), so the ticket keeps a copy to sort and page by: written with every change of a
-- clock's due date, and moved on when it passes (ClockReminders' run, every 15 minutes, and at start).
-- NULL: no deadline ahead; such tickets come last in both directions (TicketSearch pages them by id).
alter table ticket add column legal_deadline date;

update ticket set legal_deadline = (select min(c.due_date) from legal_clock c
                                    where c.ticket_id = ticket.id and c.due_date >= current_date);

create index ticket_legal_deadline on ticket (legal_deadline, id);
