package com.assetcollections.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * SQLite: an FTS5 table (porter stemmer) joined by rowid and ranked by bm25 with a weight per
 * column (name first), so that, as with PostgreSQL's weighted tsvector, a match in the name
 * outranks one in the description.
 */
public final class SqliteTextSearch implements FullTextSearch {

    private final String ftsTable;
    private final Field<Long> baseId;
    private final String weights;
    private final ChangeScope corpus;

    /** @param columnWeights one weight per FTS column, in column order */
    /** @param corpus the scope that every change to the indexed text marks (see {@link #rankingCorpus}) */
    public SqliteTextSearch(String ftsTable, Field<Long> baseId, ChangeScope corpus, double... columnWeights) {
        this.corpus = corpus;
        this.ftsTable = ftsTable;
        this.baseId = baseId;
        this.weights = java.util.Arrays.stream(columnWeights)
                .mapToObj(Double::toString)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    @Override
    public Match match(Table<?> base, String text) {
        String expression = Fts5Query.from(text);
        if (expression.isEmpty()) {
            return new Match(base, DSL.falseCondition(), DSL.inline(0.0));
        }
        Field<Long> rowId = field(name(ftsTable, "rowid"), Long.class);
        // bm25() is lower for better matches; weights are constants of the code, never request data.
        Field<Double> rank = DSL.field("bm25({0}, " + weights + ")", Double.class, DSL.table(name(ftsTable)));
        Table<?> hits = DSL.select(rowId.as("fts_id"), rank.as("fts_rank"))
                .from(DSL.table(name(ftsTable)))
                .where(DSL.condition("{0} MATCH {1}", DSL.table(name(ftsTable)), DSL.val(expression)))
                .asTable("fts");
        Field<Long> hitId = field(name("fts", "fts_id"), Long.class);
        return new Match(
                base.join(hits).on(hitId.eq(baseId)), DSL.noCondition(), field(name("fts", "fts_rank"), Double.class));
    }

    @Override
    public ChangeScope rankingCorpus() {
        return corpus;
    }
}
