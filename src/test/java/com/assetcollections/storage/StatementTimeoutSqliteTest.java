package com.assetcollections.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.OnSqlite;
import com.assetcollections.users.User;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * On SQLite the statements of a request are interrupted once the request has run for {@code
 * app.db.statement-timeout}. Here that is 1 ns, so every statement long enough to be looked at
 * (10,000 virtual machine steps) is past it: a scan of 5,000 collections is stopped and answered
 * 503, while the short statements of an item read finish.
 */
@OnSqlite
@TestPropertySource(properties = "app.db.statement-timeout=1ns")
class StatementTimeoutSqliteTest extends ApiTestBase {

    @Test
    void aLongStatementIsStoppedAndAnswered503WhileShortOnesRun() {
        User owner = fixtures.user("Owner");
        String token = fixtures.token(owner, EnumSet.of(Scope.COLLECTIONS_READ));
        long one = fixtures.collection(owner, "One").create();
        db.execute("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                INSERT INTO collections (uuid, owner_id, name, name_folded, collection_type, created_at, updated_at)
                SELECT lower(hex(randomblob(16))), ?, 'Filler ' || i, 'filler ' || i, 'private',
                       1700000000000000, 1700000000000000
                FROM n
                """, owner.id());

        ApiResponse scan = api.get("/api/v2/collections?filter[name][contains]=zz", token);

        assertThat(scan.status()).as(scan.body()).isEqualTo(503);
        assertThat(scan.header("Retry-After")).isEqualTo("1");
        assertThat(scan.json().get("message").asString()).contains("longer than a request may");
        ApiResponse item = api.get("/api/v2/collections/" + one, token);
        assertThat(item.status()).as(item.body()).isEqualTo(200);
    }
}
