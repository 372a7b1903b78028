package org.law12348.ticketing.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises "the database is not reachable" however deep a framework wrapped it (Hibernate,
 * Camunda and Spring each add their own layer): a connection failure means "try again later"
 * (503), not a defect (500).
 */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * PostgreSQL refused a string it cannot store in the database encoding (U+0000, invalid byte
     * sequence): SQLSTATE 22021 or 22P05.
     */
    static boolean isUnstorableText(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ("22021".equals(sql.getSQLState())
                    || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            // Hibernate could not roll back (or commit) on the connection itself: the pool had already
            // closed it under a failed statement, and Spring reports this instead of the statement's
            // failure; Hikari's "Connection is closed" carries no SQLSTATE
            if (cause instanceof org.hibernate.TransactionException && cause.getCause() instanceof SQLException) {
                return true;
            }
            // SQLSTATE class 08 is "connection exception" in every standard-following driver
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
