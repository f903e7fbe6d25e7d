package com.assetcollections.system;

import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: 200 when the database answers, 503 when it does not. Needs no token. */
@RestController
class HealthController {

    private final DSLContext db;

    HealthController(DSLContext db) {
        this.db = db;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            db.selectOne().fetch();
            body.put("status", "ok");
            body.put("timestamp", JsonValues.datetime(SqlTypes.now()));
            return ResponseEntity.ok(body);
        } catch (DataAccessException e) {
            body.put("status", "unavailable");
            body.put("message", "the database is unreachable");
            body.put("timestamp", JsonValues.datetime(SqlTypes.now()));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
        }
    }
}
