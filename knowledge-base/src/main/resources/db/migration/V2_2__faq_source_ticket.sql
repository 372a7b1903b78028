-- An FAQ drafted from a ticket's answer remembers the ticket: one draft per ticket, however often
-- the consultant presses the button.
alter table kb_faq_article add column source_ticket varchar(24);
create unique index kb_faq_article_source_ticket on kb_faq_article (source_ticket);
