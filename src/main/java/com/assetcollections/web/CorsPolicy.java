package com.assetcollections.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Which web apps on other origins may call the service ({@code app.cors.allowed-origins}): a listed
 * origin, and the service's own public origin, may use every method with a bearer token; with
 * {@code *} listed, any other origin may only read without one ({@code GET}/{@code HEAD}, no
 * {@code Authorization}: health, and public collections when anonymous read is on). Credentials
 * (cookies) are never allowed: the API has none, its tokens are sent explicitly.
 */
final class CorsPolicy implements CorsConfigurationSource {

    static final List<String> EXPOSED = List.of(
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "Retry-After",
            "ETag",
            "Location",
            "X-Request-Id",
            "Idempotent-Replayed");
    private static final Duration PREFLIGHT_KEPT = Duration.ofHours(1);

    private final CorsConfiguration listed;
    private final CorsConfiguration anonymousRead;

    CorsPolicy(String allowedOrigins, PublicBaseUrl publicBaseUrl) {
        List<String> entries = Arrays.stream(allowedOrigins.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
        List<String> origins = new ArrayList<>();
        for (String entry : entries) {
            if (!"*".equals(entry)) {
                origins.add(origin(entry, false));
            }
        }
        origins.add(origin(publicBaseUrl.value(), true));
        listed = configuration(origins, List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        listed.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH,
                "Idempotency-Key"));
        anonymousRead = entries.contains("*") ? configuration(List.of("*"), List.of("GET", "HEAD")) : null;
        if (anonymousRead != null) {
            anonymousRead.setAllowedHeaders(List.of(HttpHeaders.IF_NONE_MATCH));
        }
    }

    /** The rules for the request's origin; an origin neither listed nor covered by {@code *} is refused by them. */
    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (anonymousRead != null && listed.checkOrigin(origin) == null) {
            return anonymousRead;
        }
        return listed;
    }

    private static CorsConfiguration configuration(List<String> origins, List<String> methods) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(methods);
        configuration.setExposedHeaders(EXPOSED);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(PREFLIGHT_KEPT);
        return configuration;
    }

    /** {@code scheme://host[:port]} of a URL (a path only if {@code withPath}), as browsers send it. */
    private static String origin(String text, boolean withPath) {
        try {
            URI uri = new URI(text);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (web
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null
                    && (withPath || path.isEmpty() || path.equals("/"))) {
                String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
                return (uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("app.cors.allowed-origins: `" + text
                + "` is not an origin (http(s)://host[:port], e.g. https://app.example.com) or `*`");
    }
}
