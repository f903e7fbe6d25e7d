package com.assetcollections.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code change_marks} table (migration V9) and its upkeep. On PostgreSQL every writing
 * backend adds to rows of its own (slot = its pid), so marks and the public count grow by up to
 * one row per backend and scope; this job folds the rows of backends that have ended into slot 0,
 * which keeps every sum as it was. It never waits: it skips rows someone holds, only one instance
 * folds at a time (an advisory lock), and live backends' rows are left to them.
 */
@Component
public class ChangeMarks {

    public static final Table<?> MARKS = table(name("change_marks"));
    public static final Field<String> MARK_KIND = field(name("change_marks", "kind"), SQLDataType.VARCHAR);
    public static final Field<Long> MARK_KEY = field(name("change_marks", "key"), SQLDataType.BIGINT);
    public static final Field<Long> MARK_VERSION = field(name("change_marks", "version"), SQLDataType.BIGINT);

    private static final Logger log = LoggerFactory.getLogger(ChangeMarks.class);
    /** Most rows one run moves per table, so that a run stays short. */
    private static final int BATCH = 10_000;

    private static final String FOLD_MARKS = """
            WITH moved AS (
                DELETE FROM change_marks WHERE (kind, key, slot) IN (
                    SELECT kind, key, slot FROM change_marks
                    WHERE slot <> 0 AND slot NOT IN (SELECT pid FROM pg_stat_activity)
                    LIMIT %d FOR UPDATE SKIP LOCKED)
                RETURNING kind, key, version)
            INSERT INTO change_marks AS m (kind, key, slot, version)
            SELECT kind, key, 0, sum(version) FROM moved GROUP BY kind, key
            ON CONFLICT (kind, key, slot) DO UPDATE SET version = m.version + excluded.version
            """.formatted(BATCH);
    private static final String FOLD_COUNTS = """
            WITH moved AS (
                DELETE FROM collection_counts WHERE (name, slot) IN (
                    SELECT name, slot FROM collection_counts
                    WHERE slot <> 0 AND slot NOT IN (SELECT pid FROM pg_stat_activity)
                    LIMIT %d FOR UPDATE SKIP LOCKED)
                RETURNING name, value)
            INSERT INTO collection_counts AS c (name, slot, value)
            SELECT name, 0, sum(value) FROM moved GROUP BY name
            ON CONFLICT (name, slot) DO UPDATE SET value = c.value + excluded.value
            """.formatted(BATCH);

    private final DSLContext db;

    ChangeMarks(DSLContext db) {
        this.db = db;
    }

    /** Folds the rows of ended backends; returns how many slot-0 rows it wrote. */
    @Transactional
    @Scheduled(
            initialDelayString = "${app.change-marks.fold-interval:60s}",
            fixedDelayString = "${app.change-marks.fold-interval:60s}")
    public int fold() {
        if (db.dialect().family() != SQLDialect.POSTGRES) {
            return 0;
        }
        Boolean mine = db.fetchValue(
                org.jooq.impl.DSL.field("pg_try_advisory_xact_lock(hashtext('change_marks fold'))", Boolean.class));
        if (!Boolean.TRUE.equals(mine)) {
            return 0;
        }
        int written = db.execute(FOLD_MARKS) + db.execute(FOLD_COUNTS);
        if (written > 0) {
            log.debug("folded the marks of ended backends into {} rows", written);
        }
        return written;
    }
}
