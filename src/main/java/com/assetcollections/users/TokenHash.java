package com.assetcollections.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token material: 256 random bits, shown once, stored only as SHA-256. A plain hash (no salt or
 * slow KDF) is right here because the secret is random and long, and it lets the hash be the index.
 */
final class TokenHash {

    static final String PREFIX = "ac_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {}

    static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
