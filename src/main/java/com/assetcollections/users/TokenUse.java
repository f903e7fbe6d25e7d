package com.assetcollections.users;

import static com.assetcollections.users.UserTable.TOKENS;
import static com.assetcollections.users.UserTable.TOKEN_ID;
import static com.assetcollections.users.UserTable.TOKEN_LAST_USED_AT;

import com.assetcollections.caches.CacheLimit;
import com.assetcollections.caches.EstimatedBytes;
import com.github.benmanes.caffeine.cache.Cache;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Records when each token was last used ({@code last_used_at}) off the request path: a request
 * only notes the time in memory, and a background job writes the noted times in one short
 * transaction every {@code app.tokens.last-used-flush} (10 s), tokens in id order. So a read never
 * waits for a writer (SQLite's write lock) and never fails because of this bookkeeping; the
 * column is at most a minute plus one flush interval behind.
 */
@Component
class TokenUse {

    /** last_used_at moves at most this often per token, so that reads do not turn into writes. */
    private static final Duration RESOLUTION = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(TokenUse.class);

    /** A noted use: a boxed token id and an instant. */
    private static final long NOTED_USE_BYTES = 2 * EstimatedBytes.OBJECT + 24;

    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final Cache<Long, Instant> noted;
    private final Map<Long, Instant> unwritten = new ConcurrentHashMap<>();

    TokenUse(
            DSLContext db,
            PlatformTransactionManager transactions,
            @Value("${app.caches.token-uses.max-size:4MB}") DataSize notedSize) {
        this.db = db;
        this.transaction = new TransactionTemplate(transactions);
        // Expires after the write, never idle: a token in constant use must still be written once a minute.
        this.noted = CacheLimit.sized(notedSize, (Long id, Instant when) -> NOTED_USE_BYTES)
                .expireAfterWrite(RESOLUTION)
                .build();
    }

    /** Notes a use of the token; cheap, and writes nothing now. */
    void record(long tokenId, Instant when) {
        if (noted.asMap().putIfAbsent(tokenId, when) == null) {
            unwritten.put(tokenId, when);
        }
    }

    /** The token as this instance knows it: with a use noted here but not yet written. */
    Token withNotedUse(Token token) {
        Instant pending = unwritten.get(token.id());
        if (pending == null || (token.lastUsedAt() != null && !pending.isAfter(token.lastUsedAt()))) {
            return token;
        }
        return new Token(
                token.id(),
                token.userId(),
                token.name(),
                token.scopes(),
                token.createdAt(),
                pending.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                token.expiresAt(),
                token.revokedAt());
    }

    /** Writes the noted times; a failure is logged and the times are kept for the next run. */
    @Scheduled(
            initialDelayString = "${app.tokens.last-used-flush:10s}",
            fixedDelayString = "${app.tokens.last-used-flush:10s}")
    @PreDestroy
    void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        Map<Long, Instant> batch = new TreeMap<>(unwritten);
        try {
            transaction.executeWithoutResult(status -> db.batch(batch.entrySet().stream()
                            .map(use -> (Query) db.update(TOKENS)
                                    .set(
                                            TOKEN_LAST_USED_AT,
                                            use.getValue().truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                                    .where(TOKEN_ID.eq(use.getKey())))
                            .toList())
                    .execute());
            batch.forEach(unwritten::remove);
        } catch (RuntimeException e) {
            log.warn("could not record the last use of {} tokens; will try again: {}", batch.size(), e.toString());
        }
    }
}
