package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void keepsTheClientsIdWhenItIsSane() {
        assertThat(RequestId.of("checkout-42.retry_1")).isEqualTo("checkout-42.retry_1");
        assertThat(RequestId.of("a".repeat(128))).isEqualTo("a".repeat(128));
    }

    @Test
    void makesANewOneForNoneOrOneThatCouldForgeOrBloatALogLine() {
        assertThat(RequestId.of(null)).matches(UUID);
        assertThat(RequestId.of("")).matches(UUID);
        assertThat(RequestId.of("a".repeat(129))).matches(UUID);
        assertThat(RequestId.of("id\nINFO forged line")).matches(UUID);
        assertThat(RequestId.of("two words")).matches(UUID);
        assertThat(RequestId.of("caf\u00e9")).matches(UUID);
    }
}
