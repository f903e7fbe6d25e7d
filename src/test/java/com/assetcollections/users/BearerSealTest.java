package com.assetcollections.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BearerSealTest {

    private static final byte[] RESPONSE = "{\"data\":{\"token\":\"ac_secret\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedForTheSameBearerTokenAndKey() {
        byte[] sealed = seal("ac_first", "key-1").seal(RESPONSE);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("ac_secret");
        assertThat(seal("ac_first", "key-1").open(sealed)).hasValue(RESPONSE);
    }

    @Test
    void anotherBearerTokenOrKeyCannotOpenIt() {
        byte[] sealed = seal("ac_first", "key-1").seal(RESPONSE);

        assertThat(seal("ac_second", "key-1").open(sealed)).isEmpty();
        assertThat(seal("ac_first", "key-2").open(sealed)).isEmpty();
    }

    @Test
    void aChangedOrTruncatedSealDoesNotOpen() {
        byte[] sealed = seal("ac_first", "key-1").seal(RESPONSE);
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;

        assertThat(seal("ac_first", "key-1").open(changed)).isEmpty();
        assertThat(seal("ac_first", "key-1").open(new byte[] {1, 2, 3})).isEmpty();
        assertThat(seal("ac_first", "key-1").open(RESPONSE))
                .as("a response kept unsealed")
                .isEmpty();
    }

    @Test
    void sealsTheSameResponseDifferentlyEachTime() {
        BearerSeal seal = seal("ac_first", "key-1");

        assertThat(seal.seal(RESPONSE)).isNotEqualTo(seal.seal(RESPONSE));
    }

    private static BearerSeal seal(String bearer, String idempotencyKey) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v2/tokens");
        request.addHeader("Authorization", "Bearer " + bearer);
        request.addHeader("Idempotency-Key", idempotencyKey);
        return BearerSeal.of(request);
    }
}
