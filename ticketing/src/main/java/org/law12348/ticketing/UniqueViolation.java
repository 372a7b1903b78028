package org.law12348.ticketing;

import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

/**
 * Whether a failure is a unique-key violation (SQLState 23505) however the layers wrapped it: native
 * queries through the EntityManager surface Hibernate's exception, repositories Spring's.
 */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException
                    || t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
