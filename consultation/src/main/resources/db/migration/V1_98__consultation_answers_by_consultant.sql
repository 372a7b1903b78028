-- a consultant's own answers, newest first (their "answered questions" list)
create index consultation_answer_consultant on consultation_answer (consultant, id);
