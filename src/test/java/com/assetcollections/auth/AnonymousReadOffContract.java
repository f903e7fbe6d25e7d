package com.assetcollections.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Anonymous read is off unless {@code app.anonymous-read.enabled} is set: in the shared context,
 * which leaves it unset, token-less reads of public data still answer 401.
 */
abstract class AnonymousReadOffContract extends ApiTestBase {

    @Test
    void tokenLessReadsOfPublicDataAnswer401() {
        User alice = fixtures.user("Alice");
        long board = fixtures.collection(alice, "Public board").publicOne().create();
        long asset = fixtures.asset(alice, "Sunrise", "image");
        fixtures.member(board, asset, 1);
        for (String path : List.of(
                "/api/v2/collections",
                "/api/v2/collections/" + board,
                "/api/v2/collections/" + board + "/assets",
                "/api/v2/assets",
                "/api/v2/assets/" + asset)) {
            ApiResponse response = api.get(path, null);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(path).isEqualTo("Bearer");
            assertThat(response.json().get("message").asString())
                    .isEqualTo("authentication required: send `Authorization: Bearer <token>`");
        }
    }
}
