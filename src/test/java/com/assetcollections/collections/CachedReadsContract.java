package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.IssuedToken;
import com.assetcollections.users.Tokens;
import com.assetcollections.users.User;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What is remembered between requests (authenticated tokens, ranked search results, totals) is
 * never served after a committed write that changes it.
 */
abstract class CachedReadsContract extends ApiTestBase {

    @Autowired
    private Tokens tokens;

    @Test
    void refusesARevokedTokenOnTheVeryNextRequest() {
        User alice = fixtures.user("Alice");
        IssuedToken token = fixtures.issue(alice, EnumSet.of(Scope.COLLECTIONS_READ), null);
        assertThat(api.get("/api/v2/collections", token.plaintext()).status()).isEqualTo(200);

        tokens.revoke(token.id());

        assertThat(api.get("/api/v2/collections", token.plaintext()).status()).isEqualTo(401);
    }

    @Test
    void rankedSearchSeesEveryCommittedWriteAtOnce() {
        User alice = fixtures.user("Alice");
        User bob = fixtures.user("Bob");
        String token = fixtures.token(bob);
        long first = fixtures.collection(alice, "Red paintings").publicOne().create();
        long second = fixtures.collection(alice, "Blue paintings").publicOne().create();
        assertThat(ids(search(token))).containsExactlyInAnyOrder(first, second);

        long third = fixtures.collection(alice, "Green paintings").publicOne().create();
        assertThat(ids(search(token))).containsExactlyInAnyOrder(first, second, third);
        assertThat(search(token).json().at("/meta/total").asLong()).isEqualTo(3);

        db.update(CollectionTable.COLLECTIONS)
                .set(CollectionTable.COLLECTION_TYPE, "private")
                .where(CollectionTable.ID.eq(second))
                .execute();
        ApiResponse afterHiding = search(token);
        assertThat(ids(afterHiding)).containsExactlyInAnyOrder(first, third);
        assertThat(afterHiding.json().at("/meta/total").asLong()).isEqualTo(2);
    }

    @Test
    void rankedSearchPagesAreSlicesOfOneRanking() {
        User alice = fixtures.user("Alice");
        for (int i = 0; i < 5; i++) {
            fixtures.collection(alice, "Paintings " + i).publicOne().create();
        }
        String token = fixtures.token(alice);
        List<Long> all = ids(api.get("/api/v2/collections", token, Map.of("search", "paintings", "per_page", "5")));
        List<Long> paged = new java.util.ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            paged.addAll(ids(api.get(
                    "/api/v2/collections",
                    token,
                    Map.of("search", "paintings", "per_page", "2", "page", Integer.toString(page)))));
        }
        assertThat(paged).containsExactlyElementsOf(all);
    }

    private ApiResponse search(String token) {
        return api.get("/api/v2/collections", token, Map.of("search", "paintings"));
    }

    private static List<Long> ids(ApiResponse response) {
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("data").findValues("id").stream()
                .map(node -> node.asLong())
                .toList();
    }
}
