package org.law12348.app;

import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared {@link PostgresApp} as citizens reach it over HTTP, with its port. */
abstract class CitizenPostgresApp implements PostgresApp {

    @LocalServerPort
    int port;
}
