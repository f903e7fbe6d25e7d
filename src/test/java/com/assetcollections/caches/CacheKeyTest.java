package com.assetcollections.caches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    @Test
    void theSameTextGivesEqualKeys() {
        String text = "collections@7|user:3|name=" + "x".repeat(7_700) + "|search=";

        assertThat(CacheKey.of(text)).isEqualTo(CacheKey.of(new String(text.toCharArray())));
        assertThat(CacheKey.of(text).hashCode()).isEqualTo(CacheKey.of(text).hashCode());
    }

    @Test
    void textsDifferingInTheirLastCharacterGiveDifferentKeys() {
        String common = "x".repeat(7_700);

        assertThat(CacheKey.of(common + "a")).isNotEqualTo(CacheKey.of(common + "b"));
    }

    @Test
    void textsThatAnEncoderWouldMakeEqualGiveDifferentKeys() {
        // UTF-8 encodes each unpaired surrogate as the same '?'
        List<String> texts = List.of("name=?", "name=\uD800", "name=\uDBFF", "name=\uDC00");

        Set<CacheKey> keys = texts.stream().map(CacheKey::of).collect(Collectors.toSet());

        assertThat(keys).hasSize(texts.size());
    }
}
