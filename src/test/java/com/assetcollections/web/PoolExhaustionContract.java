package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assetcollections.collections.CollectionTable;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request that cannot get a pooled connection in time answers 503 with {@code Retry-After: 1}
 * and the JSON error body, wherever it first needs the database — the token check in the servlet
 * filter (a token not cached yet, and the data version every request reads) or the handler — and
 * the same request succeeds once a connection is free. The pool is really exhausted: the test
 * holds every connection of a two-connection pool (its own application context, so the other
 * tests keep their pool), and the server waits 250 ms for one.
 */
@TestPropertySource(
        properties = {"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=250"
        })
abstract class PoolExhaustionContract extends ApiTestBase {
    private static final String OVERLOADED = "{\"message\": \"the service is overloaded; retry shortly\"}";
    private static final String COLLECTIONS = "/api/v2/collections";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private DataSource dataSource;

    private User alice;

    @BeforeEach
    void alice() {
        alice = fixtures.user("Alice");
    }

    @Test
    void aTokenNotCachedYetAnswers503WhileThePoolIsExhaustedAnd200Afterwards() throws SQLException {
        String cold = fixtures.token(alice, Fixtures.READ_WRITE);

        assertOverloaded(whileThePoolIsExhausted(() -> api.get(COLLECTIONS, cold)));

        ApiResponse afterwards = api.get(COLLECTIONS, cold);
        assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(200);
    }

    @Test
    void aListWithACachedTokenAnswers503WhileThePoolIsExhaustedAnd200Afterwards() throws SQLException {
        String warm = fixtures.token(alice, Fixtures.READ_WRITE);
        fixtures.collection(alice, "Kept").create();
        assertThat(api.get(COLLECTIONS, warm).status()).isEqualTo(200);

        assertOverloaded(whileThePoolIsExhausted(() -> api.get(COLLECTIONS + "?per_page=5", warm)));

        ApiResponse afterwards = api.get(COLLECTIONS + "?per_page=5", warm);
        assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(200);
        assertThat(afterwards.json().get("meta").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aWriteAnswers503AndChangesNothingWhileThePoolIsExhaustedAnd201Afterwards() throws SQLException {
        String warm = fixtures.token(alice, Fixtures.READ_WRITE);
        assertThat(api.get(COLLECTIONS, warm).status()).isEqualTo(200);

        assertOverloaded(whileThePoolIsExhausted(() -> api.post(COLLECTIONS, warm, "{\"name\": \"Retried\"}")));
        assertThat(db.fetchCount(CollectionTable.COLLECTIONS)).isZero();

        ApiResponse afterwards = api.post(COLLECTIONS, warm, "{\"name\": \"Retried\"}");
        assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(201);
        assertThat(db.fetchCount(CollectionTable.COLLECTIONS)).isEqualTo(1);
    }

    /**
     * Sends the request while the test holds every connection of the pool (and checks that one
     * more really cannot be had), then gives them back.
     */
    private ApiResponse whileThePoolIsExhausted(Supplier<ApiResponse> request) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            held.add(dataSource.getConnection());
            held.add(dataSource.getConnection());
            assertThatThrownBy(dataSource::getConnection)
                    .as("a pool of two with both connections held")
                    .isInstanceOf(SQLTransientConnectionException.class);
            return request.get();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private static void assertOverloaded(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json()).as(response.body()).isEqualTo(JSON.readTree(OVERLOADED));
    }
}
