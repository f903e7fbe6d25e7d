package com.assetcollections.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** A signing secret as Standard Webhooks writes it: {@code whsec_} and base64 of 32 random bytes. */
public final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {}

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key a secret stands for: the base64-decoded part after the prefix. */
    static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
