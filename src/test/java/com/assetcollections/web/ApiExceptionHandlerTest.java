package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.NotAuthenticated;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void answers503WithRetryAfterWhenNoPooledConnectionCameInTime() {
        // Hikari's timeout arrives wrapped by Spring's and jOOQ's exceptions.
        Exception wrapped = new org.jooq.exception.DataAccessException(
                "Error getting connection from data source",
                new IllegalStateException(new SQLTransientConnectionException("Connection is not available")));

        ResponseEntity<ApiError> response = handler.unexpected(wrapped);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody().message()).isEqualTo("the service is overloaded; retry shortly");
    }

    @Test
    void answers503WithRetryAfterWhenAWriteLostADeadlock() {
        ResponseEntity<ApiError> response =
                handler.concurrentWrite(new org.springframework.dao.CannotAcquireLockException("deadlock detected"));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody().message())
                .isEqualTo("the request clashed with a concurrent write and changed nothing; retry it");
    }

    @Test
    void answers401WithAChallengeWhenAHandlerGotNoCaller() {
        ResponseEntity<ApiError> response = handler.notAuthenticated(new NotAuthenticated());

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getBody().message())
                .isEqualTo("authentication required: send `Authorization: Bearer <token>`");
    }

    @Test
    void answers500ForAnythingElseUnexpected() {
        ResponseEntity<ApiError> response = handler.unexpected(new IllegalStateException("bug"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().message()).isEqualTo("internal error");
    }
}
