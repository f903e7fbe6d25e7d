package com.assetcollections.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of Standard Webhooks: {@code v1,<base64 HMAC-SHA256>} of
 * {@code "{id}.{timestamp}.{body}"} for each secret that signs, separated by spaces.
 */
final class Signature {

    /** One initialised HMAC per signing secret; used by one thread at a time (a turn). */
    private final List<Mac> keys;

    private Signature(List<Mac> keys) {
        this.keys = keys;
    }

    /** A signer with these secrets, the current one first. */
    static Signature of(List<String> secrets) {
        List<Mac> keys = new ArrayList<>();
        for (String secret : secrets) {
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(WebhookSecret.key(secret), "HmacSHA256"));
                keys.add(hmac);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
        return new Signature(keys);
    }

    static String header(List<String> secrets, String id, long timestamp, byte[] body) {
        return of(secrets).header(id, timestamp, body);
    }

    String header(String id, long timestamp, byte[] body) {
        byte[] signed = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        StringJoiner header = new StringJoiner(" ");
        for (Mac hmac : keys) {
            hmac.update(signed);
            header.add("v1," + Base64.getEncoder().encodeToString(hmac.doFinal(body)));
        }
        return header.toString();
    }
}
