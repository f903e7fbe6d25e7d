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

    @Override
    public Match match(Table<?> base, String text) {
        Field<Object> query = DSL.field("websearch_to_tsquery('english', {0})", Object.class, DSL.val(text));
        return new Match(
                base,
                DSL.condition("{0} @@ {1}", vector, query),
                DSL.field("ts_rank({0}, {1})", Double.class, vector, query).neg());
    }
}
