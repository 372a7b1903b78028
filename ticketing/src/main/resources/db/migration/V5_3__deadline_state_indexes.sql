-- The console's deadline-state queues (handed over, waiting in the volunteer pool) read these in
-- deadline order per status; without them a page scans every waiting ticket (measured with the
-- QueuePageBenchmark at a million tickets: 300 ms → under 20 ms).
create index ticket_handed_over_due on ticket (handed_over, status, due_at, id);
create index ticket_queue_status_due on ticket (routing_queue, status, due_at, id);
