package com.assetcollections.storage;

import com.assetcollections.caches.CacheLimit;
import com.assetcollections.caches.EstimatedBytes;
import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The versions of the {@link ChangeScope}s that triggers mark in the same transaction as every
 * change (migration V9): anything derived from the data (cached totals, ordered ids, embedded
 * assets, tokens) is kept under the version of the scopes it was derived from, and is never served
 * after a committed change to them, on any instance. A scope's version is the sum of its mark
 * rows (one per writing backend, so that writers never wait for each other); the sum only grows.
 *
 * <p>A GET request remembers each version at its first use: the token check reads the caller's
 * usual scopes with the token's in one round trip, and the rest of the request reuses them. (GET
 * requests do not write; any other request reads the versions afresh at every use.)
 */
@Repository
public class DataVersions {

    private static final Table<?> MARKS = ChangeMarks.MARKS;
    private static final Field<String> KIND = ChangeMarks.MARK_KIND;
    private static final Field<Long> KEY = ChangeMarks.MARK_KEY;
    private static final Field<Long> VERSION = ChangeMarks.MARK_VERSION;
    private static final String SNAPSHOT = DataVersions.class.getName() + ".snapshot";

    /** How long a version must have been current before {@link #settled} says so. */
    public static final Duration SETTLED = Duration.ofSeconds(1);

    private final DSLContext db;
    /** Per list of scopes: the last version seen and when (System.nanoTime) it was first seen. */
    private final Cache<String, long[]> firstSeen;

    public DataVersions(
            DSLContext db,
            @Value("${app.caches.first-seen-versions.max-size:4MB}") DataSize cacheSize,
            @Value("${app.caches.first-seen-versions.idle:10m}") Duration cacheIdle) {
        this.db = db;
        this.firstSeen = new CacheLimit(cacheSize, cacheIdle)
                .build((String scopes, long[] seen) -> EstimatedBytes.of(scopes) + EstimatedBytes.of(seen));
    }

    /** The version of the scopes together: the sum of their versions. */
    public long current(List<ChangeScope> scopes) {
        Map<ChangeScope, Long> known = read(scopes);
        long sum = 0;
        for (ChangeScope scope : scopes) {
            sum += known.get(scope);
        }
        return sum;
    }

    /** The version of each scope. */
    public Map<ChangeScope, Long> each(Collection<ChangeScope> scopes) {
        return read(scopes);
    }

    /**
     * Reads {@code scopes} now if this GET request has not yet, so that later uses cost no round
     * trip; outside a GET request it does nothing.
     */
    public void prefetch(Collection<ChangeScope> scopes) {
        if (requestSnapshot() != null) {
            read(scopes);
        }
    }

    /**
     * A sub-select of the version of {@code scopes} together, to read it in the same statement (and
     * snapshot) as the value derived from them.
     */
    public static Field<Long> versionOf(List<ChangeScope> scopes) {
        return DSL.select(DSL.coalesce(DSL.sum(VERSION), DSL.inline(java.math.BigDecimal.ZERO))
                        .cast(SQLDataType.BIGINT))
                .from(MARKS)
                .where(any(scopes))
                .asField();
    }

    /**
     * A sub-select of the version of the scope of {@code kind} whose key is the column {@code key}
     * of the row being read (e.g. a token's id), to read it with that row.
     */
    public static Field<Long> versionOf(String kind, Field<Long> key) {
        return DSL.select(DSL.coalesce(DSL.sum(VERSION), DSL.inline(java.math.BigDecimal.ZERO))
                        .cast(SQLDataType.BIGINT))
                .from(MARKS)
                .where(KIND.eq(kind).and(KEY.eq(key)))
                .asField();
    }

    /**
     * Whether {@code version} of the scopes named {@code key} has been the current one, as this
     * instance saw it, for at least {@link #SETTLED}: under a steady write load it never is, and work
     * that only pays off when repeated under one version (an ordered list of all matching ids) is
     * not worth doing.
     */
    public boolean settled(String key, long version) {
        long now = System.nanoTime();
        long[] seen = firstSeen
                .asMap()
                .compute(
                        key, (name, known) -> known != null && known[0] == version ? known : new long[] {version, now});
        return now - seen[1] >= SETTLED.toNanos();
    }

    private Map<ChangeScope, Long> read(Collection<ChangeScope> scopes) {
        Map<ChangeScope, Long> snapshot = requestSnapshot();
        if (snapshot == null) {
            return fetch(scopes);
        }
        // All of them read again in one statement when any is missing: versions read at different
        // moments would add up to a sum that no single snapshot had.
        if (!snapshot.keySet().containsAll(scopes)) {
            snapshot.putAll(fetch(scopes));
        }
        return snapshot;
    }

    private Map<ChangeScope, Long> fetch(Collection<ChangeScope> scopes) {
        Map<ChangeScope, Long> versions = new HashMap<>();
        for (ChangeScope scope : scopes) {
            versions.put(scope, 0L);
        }
        if (scopes.isEmpty()) {
            return versions;
        }
        Field<Long> sum = DSL.sum(VERSION).cast(SQLDataType.BIGINT);
        db.select(KIND, KEY, sum)
                .from(MARKS)
                .where(any(scopes))
                .groupBy(KIND, KEY)
                .forEach(row -> versions.put(new ChangeScope(row.value1(), row.value2()), row.value3()));
        return versions;
    }

    private static Condition any(Collection<ChangeScope> scopes) {
        List<Condition> each = new ArrayList<>(scopes.size());
        for (ChangeScope scope : scopes) {
            each.add(KIND.eq(scope.kind()).and(KEY.eq(scope.key())));
        }
        return DSL.or(each);
    }

    /** The versions this GET request has read so far, or null outside a GET request. */
    @SuppressWarnings("unchecked")
    private static Map<ChangeScope, Long> requestSnapshot() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (!(request instanceof ServletRequestAttributes servlet)
                || !"GET".equals(servlet.getRequest().getMethod())) {
            return null;
        }
        Map<ChangeScope, Long> snapshot =
                (Map<ChangeScope, Long>) request.getAttribute(SNAPSHOT, RequestAttributes.SCOPE_REQUEST);
        if (snapshot == null) {
            snapshot = new java.util.concurrent.ConcurrentHashMap<>();
            request.setAttribute(SNAPSHOT, snapshot, RequestAttributes.SCOPE_REQUEST);
        }
        return snapshot;
    }
}
