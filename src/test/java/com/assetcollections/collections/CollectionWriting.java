package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import org.junit.jupiter.api.BeforeEach;

/** What the write contracts share: two users with read-write tokens, and creating collections over the API. */
abstract class CollectionWriting extends CollectionsContract {

    User alice;
    User bob;
    String aliceToken;
    String bobToken;

    @BeforeEach
    void users() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        aliceToken = fixtures.token(alice, Fixtures.READ_WRITE);
        bobToken = fixtures.token(bob, Fixtures.READ_WRITE);
    }

    ApiResponse create(String token, String body, String... headers) {
        return api.post(PATH, token, body, headers);
    }

    long createdId(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data").get("id").asLong();
    }
}
