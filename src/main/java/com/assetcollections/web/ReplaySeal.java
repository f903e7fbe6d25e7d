package com.assetcollections.web;

import java.util.Optional;

/**
 * How {@link IdempotentPosts} keeps a response for replay. Most responses are kept as they are; one
 * that holds a secret (a new token) is sealed, so that the stored copy is useless to anyone who
 * reads the database, and only the request that may see the secret can open it again.
 */
public interface ReplaySeal {

    /** Keeps responses as they are. */
    ReplaySeal NONE = new ReplaySeal() {
        @Override
        public byte[] seal(byte[] response) {
            return response;
        }

        @Override
        public Optional<byte[]> open(byte[] stored) {
            return Optional.of(stored);
        }
    };

    /** What to store for {@code response}. */
    byte[] seal(byte[] response);

    /** The response again, or empty when this request cannot open what was stored. */
    Optional<byte[]> open(byte[] stored);
}
