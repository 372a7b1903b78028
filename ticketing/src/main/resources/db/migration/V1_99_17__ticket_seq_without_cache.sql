-- Ticket numbers are made from ticket_seq (TicketIdentities). H2 creates sequences with a cache of 32
-- values and, after an unclean stop (kill -9, power loss), resumes past the whole cache: with an
-- increment of 50 the numbers jumped by 1,600 (-000021 -> -001601). Without a cache the sequence
-- resumes where it stood; PostgreSQL's default is already 1. The same statement works on both.
alter sequence ticket_seq cache 1;
