package com.assetcollections.web;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.assetcollections.storage.ExpiredRows;
import com.assetcollections.storage.SqlTypes;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Runs a POST in one transaction and, when it carries an {@code Idempotency-Key}, remembers its
 * response: the same user sending the same key and request again gets the first response
 * replayed (with {@code Idempotent-Replayed: true}); the same key with another request answers
 * 422. The key row is inserted before the work, so a concurrent duplicate waits for the first to
 * commit and then replays it. Failed requests roll the key back and may be retried. A key older
 * than {@code app.idempotency-keys.kept} is never replayed: a request reusing it removes that one
 * row and claims the key anew; all other expired rows go in {@link #purgeExpired}, run on a
 * schedule, so keyed requests of different users never wait on each other.
 */
@Component
public class IdempotentPosts {

    public static final String HEADER = "Idempotency-Key";
    private static final Table<?> KEYS = table(name("idempotency_keys"));
    private static final Field<Long> USER_ID = field(name("idempotency_keys", "user_id"), SQLDataType.BIGINT);
    private static final Field<String> KEY = field(name("idempotency_keys", "idempotency_key"), SQLDataType.VARCHAR);
    private static final Field<String> REQUEST_HASH =
            field(name("idempotency_keys", "request_hash"), SQLDataType.VARCHAR);
    private static final Field<Integer> STATUS = field(name("idempotency_keys", "status"), SQLDataType.INTEGER);
    private static final Field<String> LOCATION = field(name("idempotency_keys", "location"), SQLDataType.VARCHAR);
    private static final Field<byte[]> BODY = field(name("idempotency_keys", "response_body"), SQLDataType.BLOB);
    private static final Field<Instant> CREATED_AT = field(name("idempotency_keys", "created_at"), SqlTypes.TIMESTAMP);

    private final DSLContext db;
    private final WriteTransactions writes;
    private final ExpiredRows expiredRows;
    private final Duration kept;

    IdempotentPosts(
            DSLContext db,
            WriteTransactions writes,
            ExpiredRows expiredRows,
            @Value("${app.idempotency-keys.kept:24h}") Duration kept) {
        this.db = db;
        this.writes = writes;
        this.expiredRows = expiredRows;
        this.kept = kept;
    }

    /**
     * Whether the request carries an {@code Idempotency-Key}, so that it may be answered by a replay
     * without running its action: checks the action makes itself (access to the resource) must
     * then be made before.
     */
    public static boolean keyed(HttpServletRequest request) {
        return request.getHeader(HEADER) != null;
    }

    public ResponseEntity<byte[]> run(
            long userId, HttpServletRequest request, byte[] body, Supplier<ResponseEntity<byte[]>> action) {
        return run(userId, request, body, ReplaySeal.NONE, action);
    }

    /** As {@link #run(long, HttpServletRequest, byte[], Supplier)}, keeping the response for replay sealed. */
    public ResponseEntity<byte[]> run(
            long userId,
            HttpServletRequest request,
            byte[] body,
            ReplaySeal seal,
            Supplier<ResponseEntity<byte[]>> action) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return writes.run(action);
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new MalformedBody("`" + HEADER + "` must be 1 to 255 visible ASCII characters");
        }
        String fingerprint = fingerprint(request, body);
        return writes.run(() -> {
            db.deleteFrom(KEYS)
                    .where(USER_ID.eq(userId)
                            .and(KEY.eq(key))
                            .and(CREATED_AT.lt(SqlTypes.now().minus(kept))))
                    .execute();
            int claimed = db.insertInto(KEYS)
                    .set(USER_ID, userId)
                    .set(KEY, key)
                    .set(REQUEST_HASH, fingerprint)
                    .set(STATUS, 0)
                    .set(BODY, new byte[0])
                    .set(CREATED_AT, SqlTypes.now())
                    .onConflictDoNothing()
                    .execute();
            if (claimed == 0) {
                return replay(userId, key, fingerprint, seal);
            }
            ResponseEntity<byte[]> response = action.get();
            URI location = response.getHeaders().getLocation();
            db.update(KEYS)
                    .set(STATUS, response.getStatusCode().value())
                    .set(LOCATION, location == null ? null : location.toString())
                    .set(BODY, response.getBody() == null ? new byte[0] : seal.seal(response.getBody()))
                    .where(USER_ID.eq(userId).and(KEY.eq(key)))
                    .execute();
            return response;
        });
    }

    /** Removes every key older than {@code app.idempotency-keys.kept}; returns how many went. */
    public int purgeExpired() {
        return expiredRows.purge(KEYS, CREATED_AT, SqlTypes.now().minus(kept), USER_ID, KEY);
    }

    private ResponseEntity<byte[]> replay(long userId, String key, String fingerprint, ReplaySeal seal) {
        Record first = db.select(REQUEST_HASH, STATUS, LOCATION, BODY)
                .from(KEYS)
                .where(USER_ID.eq(userId).and(KEY.eq(key)))
                .fetchOne();
        if (first == null || first.get(STATUS) == 0) {
            throw new Conflict("a request with this `" + HEADER + "` is still in progress; retry shortly");
        }
        if (!first.get(REQUEST_HASH).equals(fingerprint)) {
            throw new InvalidBody(
                    HEADER, "this `" + HEADER + "` was already used for a different request; use a new key");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(first.get(STATUS))
                .header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON);
        byte[] stored = first.get(BODY);
        byte[] bytes = stored.length == 0
                ? stored
                : seal.open(stored)
                        .orElseThrow(() -> new InvalidBody(
                                HEADER,
                                "the response to this `" + HEADER + "` can only be replayed to the credentials"
                                        + " that sent the first request; use a new key"));
        if (first.get(LOCATION) != null) {
            builder.header(HttpHeaders.LOCATION, first.get(LOCATION));
        }
        if (bytes.length > 0) {
            builder.header(HttpHeaders.ETAG, JsonResponses.etag(bytes));
        }
        return builder.body(bytes);
    }

    /** What makes two requests "the same": method, path and query, and the exact body. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        String target = request.getMethod() + " " + request.getRequestURI() + "?"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
