package com.assetcollections.storage;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

/**
 * Bulk rows with PostgreSQL's COPY (CSV), an order of magnitude faster than inserts for
 * millions of rows. Values are written as PostgreSQL reads them back: instants in ISO-8601 UTC,
 * text always quoted (so an empty string stays distinct from an unquoted null).
 */
final class PostgresCopyInsert implements BulkInsert {

    private final DSLContext db;

    PostgresCopyInsert(DSLContext db) {
        this.db = db;
    }

    @Override
    public int batchSize() {
        return 10_000;
    }

    @Override
    public void write(Table<?> table, List<Field<?>> columns, List<List<Object>> rows) {
        String copy = "COPY " + table.getName() + " ("
                + columns.stream().map(Field::getName).collect(Collectors.joining(", "))
                + ") FROM STDIN (FORMAT csv)";
        StringBuilder csv = new StringBuilder(rows.size() * 200);
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(csvValue(row.get(i)));
            }
            csv.append('\n');
        }
        db.connection(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table.getName() + " failed", e);
            }
        });
    }

    @Override
    public void advanceIds(Table<?> table, Field<Long> id) {
        db.select(DSL.field(
                        "setval(pg_get_serial_sequence({0}, {1}), (select max({2}) from {3}))",
                        Long.class,
                        DSL.inline(table.getName()),
                        DSL.inline(id.getName()),
                        DSL.field(DSL.name(id.getName())),
                        table))
                .fetch();
    }

    private static String csvValue(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return value.toString();
    }
}
