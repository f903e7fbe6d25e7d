package com.assetcollections.system;

import com.assetcollections.ratelimit.RedisAvailability;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: 200 when the database answers, 503 when it does not. Needs no token. With
 * Redis configured it also tells whether the rate limits are shared through it ({@code
 * rate_limits}); a Redis that does not answer leaves the status ok, as the limits are then kept
 * by each instance.
 */
@RestController
class HealthController {

    private final DSLContext db;
    private final RedisAvailability redis;

    HealthController(DSLContext db, ObjectProvider<RedisAvailability> redis) {
        this.db = db;
        this.redis = redis.getIfAvailable();
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            db.selectOne().fetch();
            body.put("status", "ok");
            body.put("timestamp", JsonValues.datetime(SqlTypes.now()));
            addRateLimits(body);
            return ResponseEntity.ok(body);
        } catch (DataAccessException e) {
            body.put("status", "unavailable");
            body.put("message", "the database is unreachable");
            body.put("timestamp", JsonValues.datetime(SqlTypes.now()));
            addRateLimits(body);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
        }
    }

    private void addRateLimits(Map<String, Object> body) {
        if (redis == null) {
            return;
        }
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("redis", redis.up() ? "up" : "unreachable");
        limits.put("redis_outages", redis.outages());
        limits.put("requests_limited_locally", redis.requestsLimitedLocally());
        body.put("rate_limits", limits);
    }
}
