package com.assetcollections.caches;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A cache key standing for a canonical text (e.g. a list's scope, version and filters) by the
 * SHA-256 digest of its characters: 32 bytes however long the text, where filter values alone may
 * run to kilobytes. Two different texts share a key only if SHA-256 collides.
 */
public record CacheKey(long first, long second, long third, long fourth) {

    /** What one key takes in memory. */
    public static final long BYTES = EstimatedBytes.OBJECT + 4 * Long.BYTES;

    public static CacheKey of(String canonical) {
        // The UTF-16 code units themselves, not an encoding of them: an encoder would map different
        // unpaired surrogates to the same replacement byte, and two texts to one key.
        ByteBuffer units = ByteBuffer.allocate(2 * canonical.length());
        units.asCharBuffer().put(canonical);
        ByteBuffer digest = ByteBuffer.wrap(sha256().digest(units.array()));
        return new CacheKey(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
