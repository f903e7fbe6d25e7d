package com.assetcollections.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** SQLite: an FTS5 table (porter stemmer) joined by rowid and ranked by bm25. */
public final class SqliteTextSearch implements FullTextSearch {

    private final String ftsTable;
    private final Field<Long> baseId;

    public SqliteTextSearch(String ftsTable, Field<Long> baseId) {
        this.ftsTable = ftsTable;
        this.baseId = baseId;
    }

    @Override
    public Match match(Table<?> base, String text) {
        String expression = Fts5Query.from(text);
        if (expression.isEmpty()) {
            return new Match(base, DSL.falseCondition(), DSL.inline(0.0));
        }
        Field<Long> rowId = field(name(ftsTable, "rowid"), Long.class);
        Field<Double> rank = field(name(ftsTable, "rank"), Double.class);
        Table<?> hits = DSL.select(rowId.as("fts_id"), rank.as("fts_rank"))
                .from(DSL.table(name(ftsTable)))
                .where(DSL.condition("{0} MATCH {1}", DSL.table(name(ftsTable)), DSL.val(expression)))
                .asTable("fts");
        Field<Long> hitId = field(name("fts", "fts_id"), Long.class);
        return new Match(base.join(hits).on(hitId.eq(baseId)), DSL.noCondition(), field(name("fts", "fts_rank"), Double.class));
    }
}
