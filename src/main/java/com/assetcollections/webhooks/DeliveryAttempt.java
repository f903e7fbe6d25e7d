package com.assetcollections.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One attempt to deliver an event, as the delivery log shows it.
 *
 * @param statusCode the receiver's HTTP status, or null when no response came (see {@code error})
 * @param body       the first 1 KB of the response body
 * @param error      why no response came (timeout, refused target, connection error), or null
 */
record DeliveryAttempt(Instant attemptedAt, Integer statusCode, long durationMs, String body, String error) {

    static final int KEPT_BODY_BYTES = 1024;

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    Map<String, Object> json(String attemptedAtText) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attempted_at", attemptedAtText);
        json.put("status_code", statusCode);
        json.put("duration_ms", durationMs);
        json.put("response_body", body);
        json.put("error", error);
        return json;
    }
}
