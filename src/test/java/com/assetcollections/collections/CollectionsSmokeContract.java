package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import org.junit.jupiter.api.Test;

abstract class CollectionsSmokeContract extends ApiTestBase {

    @Test
    void listsPublicAndOwnCollectionsButNotOthersPrivateOnes() {
        User alice = fixtures.user("Alice");
        User bob = fixtures.user("Bob");
        long alicePublic = fixtures.collection(alice, "Client brands").publicOne().create();
        long alicePrivate = fixtures.collection(alice, "Secret plans").create();
        long bobPrivate = fixtures.collection(bob, "Bob's drafts").create();

        ApiResponse response = api.get("/api/v2/collections", fixtures.token(bob));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("data").findValues("id")).extracting(n -> n.asLong())
                .containsExactly(alicePublic, bobPrivate);
        assertThat(response.json().at("/meta/total").asLong()).isEqualTo(2);
        assertThat(alicePrivate).isPositive();
    }
}
