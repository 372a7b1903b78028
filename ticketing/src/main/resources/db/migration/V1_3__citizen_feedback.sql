alter table ticket add column satisfaction_comment varchar(500);
alter table ticket add column answer_accepted boolean not null default false;
