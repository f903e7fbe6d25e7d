package com.assetcollections.system;

import com.assetcollections.ratelimit.RedisAvailability;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.JsonValues;
import com.assetcollections.web.ShutdownDrain;
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
 * The health endpoints, none of which needs a token. {@code GET /health}: 200 when the database
 * answers, 503 when it does not. With Redis configured it also tells whether the rate limits are
 * shared through it ({@code rate_limits}); a Redis that does not answer leaves the status ok, as
 * the limits are then kept by each instance. For orchestrators, {@code /health/live} says only
 * that the process serves HTTP (a database outage is no reason to restart it), and {@code
 * /health/ready} whether it should be sent requests: not while the database does not answer, nor
 * once it has begun to shut down.
 */
@RestController
class HealthController {

    private static final String UNREACHABLE = "the database is unreachable";

    private final DSLContext db;
    private final RedisAvailability redis;
    private final ShutdownDrain shutdown;

    HealthController(DSLContext db, ObjectProvider<RedisAvailability> redis, ShutdownDrain shutdown) {
        this.db = db;
        this.redis = redis.getIfAvailable();
        this.shutdown = shutdown;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        ResponseEntity<Map<String, Object>> answer =
                databaseAnswers() ? status(HttpStatus.OK, null) : status(HttpStatus.SERVICE_UNAVAILABLE, UNREACHABLE);
        addRateLimits(answer.getBody());
        return answer;
    }

    @GetMapping("/health/live")
    ResponseEntity<Map<String, Object>> live() {
        return status(HttpStatus.OK, null);
    }

    @GetMapping("/health/ready")
    ResponseEntity<Map<String, Object>> ready() {
        if (shutdown.draining()) {
            return status(HttpStatus.SERVICE_UNAVAILABLE, "the service is shutting down");
        }
        return databaseAnswers() ? status(HttpStatus.OK, null) : status(HttpStatus.SERVICE_UNAVAILABLE, UNREACHABLE);
    }

    private boolean databaseAnswers() {
        try {
            db.selectOne().fetch();
            return true;
        } catch (DataAccessException | org.springframework.dao.DataAccessException e) {
            // jOOQ's when no connection came, Spring's translation when one broke
            return false;
        }
    }

    /** {@code {"status": "ok"|"unavailable", "message"?: …, "timestamp": …}}. */
    private static ResponseEntity<Map<String, Object>> status(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status == HttpStatus.OK ? "ok" : "unavailable");
        if (message != null) {
            body.put("message", message);
        }
        body.put("timestamp", JsonValues.datetime(SqlTypes.now()));
        return ResponseEntity.status(status).body(body);
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
