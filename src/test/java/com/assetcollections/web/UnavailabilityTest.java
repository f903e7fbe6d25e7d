package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class UnavailabilityTest {

    private static final SQLException REFUSED = new SQLException(
            "Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct", "08001");

    @Test
    void takesAPoolTimeoutAfterRefusedConnectionsForAnUnreachableDatabaseNotForOverload() {
        var timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms", "08001", REFUSED);

        assertThat(Unavailability.of(new org.jooq.exception.DataAccessException("Error getting connection", timeout)))
                .hasValueSatisfying(u -> assertThat(u.message()).isEqualTo(DatabaseUnreachable.MESSAGE));
    }

    @Test
    void takesABrokenConnectionOrAServerShuttingDownForAnUnreachableDatabase() {
        var broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat(DatabaseUnreachable.explains(new DataAccessResourceFailureException("jOOQ; SQL [...]", broken)))
                .isTrue();
        assertThat(DatabaseUnreachable.explains(new org.jooq.exception.DataAccessException("x", shutdown)))
                .isTrue();
    }

    @Test
    void leavesOtherFailuresToBeAnsweredAsTheyAre() {
        var duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        var poolTimeoutAlone = new SQLTransientConnectionException("request timed out after 250ms");

        assertThat(Unavailability.of(new org.jooq.exception.DataAccessException("x", duplicate)))
                .isEmpty();
        assertThat(Unavailability.of(new IllegalStateException("bug"))).isEmpty();
        assertThat(Unavailability.of(poolTimeoutAlone))
                .hasValueSatisfying(u -> assertThat(u.message()).isEqualTo(Overload.MESSAGE));
    }
}
