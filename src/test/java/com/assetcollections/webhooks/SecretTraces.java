package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The forms in which a signing secret could leak into text: itself, and its HMAC key in the usual encodings. */
final class SecretTraces {

    private SecretTraces() {}

    static List<String> of(String secret) {
        byte[] key = WebhookSecret.key(secret);
        return List.of(
                secret,
                secret.substring(WebhookSecret.PREFIX.length()),
                Base64.getEncoder().withoutPadding().encodeToString(key),
                Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                HexFormat.of().formatHex(key),
                HexFormat.of().withUpperCase().formatHex(key),
                new String(key, StandardCharsets.ISO_8859_1));
    }

    static void assertNoneIn(String text, String what, String secret) {
        for (String trace : of(secret)) {
            assertThat(text.contains(trace))
                    .as("%s contains the signing secret or its key (as %s...)", what, trace.substring(0, 4))
                    .isFalse();
        }
    }
}
