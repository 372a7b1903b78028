package org.law12348.app;

/** Online consultation on PostgreSQL (the shared {@link PostgresApp}): the concurrent claim and the ledger's uniqueness for real. */
class PostgresConsultationTest extends ConsultationScenarios implements PostgresApp {
}
