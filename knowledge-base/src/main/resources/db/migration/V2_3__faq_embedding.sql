-- The sentence-embedding vector of each FAQ question (512 float32, little-endian), the model that
-- computed it and the question it was computed from: an edited question makes it stale on any path.
alter table kb_faq_article add column embedding bytea;
alter table kb_faq_article add column embedding_model varchar(64);
alter table kb_faq_article add column embedded_question varchar(1000);
