package com.assetcollections.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds the URLs of other pages of the same request: the request's path on the service's public
 * base URL (never on the request's {@code Host}, see {@link PublicBaseUrl}), with all of its query
 * parameters kept (in their order, first value of each) and only {@code page} or {@code cursor}
 * replaced, encoded as PHP's {@code http_build_query} does (RFC 3986), like the Laravel paginator.
 */
public final class PageLinks {

    private final String path;
    private final Map<String, String> parameters;

    private PageLinks(String path, Map<String, String> parameters) {
        this.path = path;
        this.parameters = parameters;
    }

    /** The links of {@code request} on {@code baseUrl} (scheme, host, port and any path prefix). */
    public static PageLinks of(String baseUrl, HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((key, values) -> parameters.put(key, values.length == 0 ? "" : values[0]));
        return new PageLinks(baseUrl + request.getRequestURI(), parameters);
    }

    public String path() {
        return path;
    }

    public String page(long page) {
        return with("page", Long.toString(page), "cursor");
    }

    public String cursor(String cursor) {
        return with("cursor", cursor, "page");
    }

    private String with(String key, String value, String dropped) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.remove(dropped);
        query.put(key, value);
        StringJoiner joined = new StringJoiner("&");
        query.forEach((k, v) -> joined.add(encode(k) + "=" + encode(v)));
        return path + "?" + joined;
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
