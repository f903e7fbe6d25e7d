package com.assetcollections.system;

import com.assetcollections.auth.RequiredScopes;
import com.assetcollections.auth.Scope;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's metrics in Prometheus's text format, for the {@code admin} scope: on the API's own
 * port, behind its authentication and rate limits, so that no second port has to be opened and
 * guarded (a scrape job sends the token as a bearer token).
 */
@RestController
class MetricsController {

    /** Prometheus's text exposition format, which every scraper reads. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/v2/metrics")
    @RequiredScopes(Scope.ADMIN)
    ResponseEntity<byte[]> metrics() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, TEXT_FORMAT)
                .body(registry.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
