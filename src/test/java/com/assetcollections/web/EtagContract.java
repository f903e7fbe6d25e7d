package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional GETs: a body up to {@code app.etag.max-body-size} (1 MB) has an ETag and is answered
 * 304 while unchanged; a larger one is streamed without an ETag instead of being held whole.
 */
abstract class EtagContract extends ApiTestBase {

    /** About 10 KB: 120 assets with such a description make a page of more than 1 MB. */
    private static final String LONG_DESCRIPTION =
            String.join(" ", java.util.Collections.nCopies(370, "lorem ipsum dolor sit amet"));

    private String token;

    @BeforeEach
    void user() {
        User alice = fixtures.user("Alice");
        token = fixtures.token(alice);
        fixtures.collection(alice, "Brands").create();
        IntStream.range(0, 120)
                .forEach(i -> fixtures.asset(alice, "Large " + i)
                        .description(LONG_DESCRIPTION)
                        .create());
    }

    @Test
    void aSmallListHasAnEtagAndIsAnswered304WhileUnchanged() {
        ApiResponse first = api.get("/api/v2/collections", token);
        String etag = first.header("ETag");

        assertThat(first.status()).isEqualTo(200);
        assertThat(etag).matches("\"0[0-9a-f]{32}\"");
        assertThat(first.header("Content-Length"))
                .isEqualTo(Integer.toString(first.body().length()));
        ApiResponse again = api.getWith("/api/v2/collections", token, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aListOfMoreThanAMegabyteIsStreamedWholeWithoutAnEtag() {
        ApiResponse large = api.getWith("/api/v2/assets?per_page=120", token, "If-None-Match", "*");

        assertThat(large.status()).isEqualTo(200);
        assertThat(large.body().length()).isGreaterThan(1024 * 1024);
        assertThat(large.header("ETag")).isNull();
        assertThat(large.header("Content-Length")).as("sent as it was written").isNull();
        assertThat(large.json().get("data")).hasSize(120);
        assertThat(large.json().get("data").get(119).get("description").asString())
                .isEqualTo(LONG_DESCRIPTION);
        assertThat(large.json().get("meta").get("total").asInt()).isEqualTo(120);
    }

    @Test
    void aSmallerPageOfTheSameListHasAnEtagAgain() {
        ApiResponse page = api.get("/api/v2/assets?per_page=50", token);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().length()).isLessThan(1024 * 1024);
        assertThat(page.header("ETag")).isNotNull();
        assertThat(api.getWith("/api/v2/assets?per_page=50", token, "If-None-Match", page.header("ETag"))
                        .status())
                .isEqualTo(304);
    }
}
