package com.assetcollections.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification and
 * sharing no code with the service's signer: the key is the base64 after {@code whsec_}; the
 * signed content {@code id.timestamp.body}; the header a space-separated list of
 * {@code version,signature}, of which one {@code v1} entry must match; the timestamp within five
 * minutes of now.
 */
final class StandardWebhooksVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksVerifier() {}

    static boolean verify(String secret, String id, String timestamp, String signatureHeader, String body) {
        if (secret == null
                || !secret.startsWith("whsec_")
                || id == null
                || timestamp == null
                || signatureHeader == null) {
            return false;
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(sentAt), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.split("_", 2)[1]), "HmacSHA256"));
            expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
        for (String entry : signatureHeader.trim().split(" +")) {
            String[] parts = entry.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(parts[1]);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }
}
