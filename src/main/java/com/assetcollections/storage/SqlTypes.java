package com.assetcollections.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/** Column types shared by every table definition. */
public final class SqlTypes {

    /** A UTC instant with microsecond precision, stored natively on each database. */
    public static final DataType<Instant> TIMESTAMP = SQLDataType.OTHER.asConvertedDataType(new InstantBinding());

    private SqlTypes() {}

    /** The current time at the precision the databases keep, so a value reads back unchanged. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
