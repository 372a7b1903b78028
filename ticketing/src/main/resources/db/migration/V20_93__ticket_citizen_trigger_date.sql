-- The trigger date a citizen gave when asking (issue 22, "我是哪天被辞退的"): the day the clock the ask
-- form asked about starts (dismissal, service of a judgment, ...). Staff see it as a clock suggestion
-- with the source 市民填写 and confirm it; it never becomes a clock by itself. Personal data: in the
-- citizen's data export, cleared when the ticket is anonymised. Null when the citizen gave none.
alter table ticket add column citizen_trigger_date date;
