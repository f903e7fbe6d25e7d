package com.assetcollections.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Counters that database triggers bump in the same transaction as every change to a data set, so
 * that anything derived from the data (cached totals) can be keyed by the version it was derived
 * from and is never served after a committed change, on any instance.
 */
@Repository
public class DataVersions {

    public static final Field<String> NAME = field(name("data_versions", "name"), SQLDataType.VARCHAR);
    public static final Field<Long> VERSION = field(name("data_versions", "version"), SQLDataType.BIGINT);

    private final DSLContext db;

    public DataVersions(DSLContext db) {
        this.db = db;
    }

    public long current(String dataSet) {
        Long version = db.select(VERSION).from(table(name("data_versions"))).where(NAME.eq(dataSet)).fetchOne(VERSION);
        if (version == null) {
            throw new IllegalStateException("no data version row for " + dataSet);
        }
        return version;
    }

    /** A sub-select of the version, to read it in the same statement (and snapshot) as a count. */
    public static Field<Long> versionOf(String dataSet) {
        return org.jooq.impl.DSL.select(VERSION).from(table(name("data_versions"))).where(NAME.eq(dataSet)).asField();
    }
}
