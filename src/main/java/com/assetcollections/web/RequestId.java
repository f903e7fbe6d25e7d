package com.assetcollections.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a request, sent back in {@code X-Request-Id} and put on each of its log lines: the
 * client's own when it sent a sane one (up to 128 of {@code A-Z a-z 0-9 . _ -}, nothing that could
 * forge a log line or bloat it), else a new random UUID.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key, and so the field of structured log lines. */
    public static final String MDC_KEY = "request_id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestId() {}

    public static String of(String sent) {
        return sent != null && SANE.matcher(sent).matches()
                ? sent
                : UUID.randomUUID().toString();
    }
}
