package com.assetcollections.storage;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** PostgreSQL: a stored, GIN-indexed tsvector column queried with websearch_to_tsquery (stemmed, English). */
public final class PostgresTextSearch implements FullTextSearch {

    private final Field<Object> vector;

    public PostgresTextSearch(Field<Object> vector) {
        this.vector = vector;
    }

    /**
     * A search naming no word to find (only {@code -excluded} words, or punctuation) finds nothing,
     * as on SQLite; websearch_to_tsquery would make {@code -zz} match every row.
     */
    @Override
    public Match match(Table<?> base, String text) {
        if (Fts5Query.from(text).isEmpty()) {
            return new Match(base, DSL.falseCondition(), DSL.inline(0.0));
        }
        Field<Object> query = DSL.field("websearch_to_tsquery('english', {0})", Object.class, DSL.val(text));
        return new Match(
                base,
                DSL.condition("{0} @@ {1}", vector, query),
                DSL.field("ts_rank({0}, {1})", Double.class, vector, query).neg());
    }
}
