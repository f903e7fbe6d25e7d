package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class OverloadTest {

    private static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 250ms");

    @Test
    void recognisesThePoolTimeoutAsJooqThrowsItThroughSpringsTranslator() {
        assertThat(Overload.explains(new TransientDataAccessResourceException("jOOQ; SQL [select ...]", POOL_TIMEOUT)))
                .isTrue();
    }

    @Test
    void recognisesThePoolTimeoutWrappedByJooqOrBySpringsDataSourceUtils() {
        assertThat(Overload.explains(new org.jooq.exception.DataAccessException(
                        "Error getting connection from data source", POOL_TIMEOUT)))
                .isTrue();
        assertThat(Overload.explains(
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMEOUT)))
                .isTrue();
    }

    @Test
    void doesNotTakeOtherDatabaseFailuresForOverload() {
        assertThat(Overload.explains(new org.jooq.exception.DataAccessException(
                        "syntax error", new SQLException("syntax error at or near \"selec\""))))
                .isFalse();
        assertThat(Overload.explains(new IllegalStateException("bug"))).isFalse();
    }
}
