package com.assetcollections.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counters that database triggers bump in the same transaction as every change to a data set, so
 * that anything derived from the data (cached totals, cached tokens) can be keyed by the version
 * it was derived from and is never served after a committed change, on any instance.
 *
 * <p>A GET request reads all versions once, in one query, at its first use: the token check and
 * the totals of the same request then cost one round trip together. (GET requests do not write
 * versioned data; any other request reads the versions afresh at every use.)
 */
@Repository
public class DataVersions {

    public static final String COLLECTIONS = "collections";
    public static final String TOKENS = "api_tokens";
    public static final Field<String> NAME = field(name("data_versions", "name"), SQLDataType.VARCHAR);
    public static final Field<Long> VERSION = field(name("data_versions", "version"), SQLDataType.BIGINT);
    private static final String SNAPSHOT = DataVersions.class.getName() + ".snapshot";

    /** How long a version must have been current before {@link #settled} says so. */
    public static final java.time.Duration SETTLED = java.time.Duration.ofSeconds(1);

    private final DSLContext db;
    /** Per data set: the last version seen and when (System.nanoTime) it was first seen. */
    private final java.util.concurrent.ConcurrentHashMap<String, long[]> firstSeen =
            new java.util.concurrent.ConcurrentHashMap<>();

    public DataVersions(DSLContext db) {
        this.db = db;
    }

    public long current(String dataSet) {
        Long version = snapshot().get(dataSet);
        if (version == null) {
            throw new IllegalStateException("no data version row for " + dataSet);
        }
        return version;
    }

    /** A sub-select of the version, to read it in the same statement (and snapshot) as a count. */
    public static Field<Long> versionOf(String dataSet) {
        return org.jooq
                .impl
                .DSL
                .select(VERSION)
                .from(table(name("data_versions")))
                .where(NAME.eq(dataSet))
                .asField();
    }

    /**
     * Whether {@code version} of {@code dataSet} has been the current one, as this instance saw it,
     * for at least {@link #SETTLED}: under a steady write load it never is, and work that only pays
     * off when repeated under one version (an ordered list of all matching ids) is not worth doing.
     */
    public boolean settled(String dataSet, long version) {
        long now = System.nanoTime();
        long[] seen = firstSeen.compute(
                dataSet, (name, known) -> known != null && known[0] == version ? known : new long[] {version, now});
        return now - seen[1] >= SETTLED.toNanos();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> snapshot() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        boolean reusable = request instanceof ServletRequestAttributes servlet
                && "GET".equals(servlet.getRequest().getMethod());
        if (!reusable) {
            return readAll();
        }
        Map<String, Long> snapshot =
                (Map<String, Long>) request.getAttribute(SNAPSHOT, RequestAttributes.SCOPE_REQUEST);
        if (snapshot == null) {
            snapshot = readAll();
            request.setAttribute(SNAPSHOT, snapshot, RequestAttributes.SCOPE_REQUEST);
        }
        return snapshot;
    }

    private Map<String, Long> readAll() {
        return db.select(NAME, VERSION).from(table(name("data_versions"))).fetchMap(NAME, VERSION);
    }
}
