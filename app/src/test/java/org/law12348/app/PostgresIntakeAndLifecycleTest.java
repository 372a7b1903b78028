package org.law12348.app;

/**
 * The foundation scenarios on PostgreSQL (127.0.0.1:5432), configured as {@link PostgresApp}; the
 * scenarios' planted delivery failures make it an application of its own.
 */
class PostgresIntakeAndLifecycleTest extends IntakeAndLifecycleScenarios implements PostgresApp {
}
