-- The dispatcher console: merged duplicates point at the ticket kept, and the queue filters get
-- indexes that serve "filter, then order by deadline" without sorting the whole history.
alter table ticket add column merged_into varchar(24);

create index ticket_status_due on ticket (status, due_at, id);
create index ticket_type_status_due on ticket (business_type, status, due_at, id);
create index ticket_region_status_due on ticket (region_code, status, due_at, id);
create index ticket_channel_status_due on ticket (channel, status, due_at, id);
create index ticket_assignee_due on ticket (assignee, due_at, id);
create index ticket_created on ticket (created_at);
