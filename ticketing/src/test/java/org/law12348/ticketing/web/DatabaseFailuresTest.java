package org.law12348.ticketing.web;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void aRollbackOnAConnectionThePoolAlreadyClosedIsTheDatabaseBeingAway() {
        // what TransactionTemplate throws when PostgreSQL vanished mid-transaction (DatabaseOutageTest)
        var rollbackFailed = new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));

        assertThat(DatabaseFailures.isConnectionFailure(rollbackFailed)).isTrue();
    }

    @Test
    void aConstraintViolationOrATransactionMisuseIsNot() {
        assertThat(DatabaseFailures.isConnectionFailure(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFailures.isConnectionFailure(new TransactionException("Transaction already active")))
                .isFalse();
    }

    @Test
    void connectionStatesOfClass08Are() {
        assertThat(DatabaseFailures.isConnectionFailure(new RuntimeException(new SQLException("gone", "08006"))))
                .isTrue();
    }
}
