-- Accounts nobody signed in to for the retention period are deleted (UnusedAccounts); found by this.
create index miniapp_citizen_signed_in on miniapp_citizen (signed_in_at);
