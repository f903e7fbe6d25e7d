package com.assetcollections.users;

import com.assetcollections.auth.BearerTokenFilter;
import com.assetcollections.web.IdempotentPosts;
import com.assetcollections.web.ReplaySeal;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a response that shows a secret (a new token, a webhook's signing secret) before {@link IdempotentPosts} keeps it for
 * replay: AES-256-GCM under a key derived (HMAC-SHA256) from the request's bearer token and its
 * {@code Idempotency-Key}. The bearer token is stored only as a hash, so the kept response is
 * useless to anyone who reads the database, and only a retry with the same bearer token and key
 * can open it; with another token of the same user the replay is refused (422).
 */
public final class BearerSeal implements ReplaySeal {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private BearerSeal(SecretKeySpec key) {
        this.key = key;
    }

    public static BearerSeal of(HttpServletRequest request) {
        String bearer = BearerTokenFilter.bearerToken(request.getHeader("Authorization"))
                .orElseThrow(() -> new IllegalStateException("an authenticated request without a bearer token"));
        String idempotencyKey = String.valueOf(request.getHeader(IdempotentPosts.HEADER));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(bearer.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] derived =
                    hmac.doFinal(("idempotent token response v1\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return new BearerSeal(new SecretKeySpec(derived, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public byte[] seal(byte[] response) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = aes.doFinal(response);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    @Override
    public Optional<byte[]> open(byte[] stored) {
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES)));
            return Optional.of(aes.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }
}
