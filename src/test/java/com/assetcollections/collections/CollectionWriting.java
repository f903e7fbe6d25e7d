package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.users.User;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** What the write contracts share: two users with read-write tokens, and creating collections over the API. */
abstract class CollectionWriting extends CollectionsContract {

    static final Set<Scope> READ_WRITE =
            EnumSet.of(Scope.COLLECTIONS_READ, Scope.COLLECTIONS_WRITE, Scope.ASSETS_READ, Scope.ASSETS_WRITE);

    User alice;
    User bob;
    String aliceToken;
    String bobToken;

    @BeforeEach
    void users() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        aliceToken = fixtures.token(alice, READ_WRITE);
        bobToken = fixtures.token(bob, READ_WRITE);
    }

    ApiResponse create(String token, String body, String... headers) {
        return api.post(PATH, token, body, headers);
    }

    long createdId(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data").get("id").asLong();
    }
}
