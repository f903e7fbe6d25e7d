package com.assetcollections.storage;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * PostgreSQL: a stored, GIN-indexed tsvector column (stemmed, English) queried with to_tsquery built
 * from {@link SearchTerms}.
 */
public final class PostgresTextSearch implements FullTextSearch {

    private final Field<Object> vector;

    public PostgresTextSearch(Field<Object> vector) {
        this.vector = vector;
    }

    /**
     * A search naming no word to find (only {@code -excluded} words, or punctuation) finds nothing, as
     * on SQLite. When the last word may match as a prefix, rows matching the whole words rank first
     * (by their rank for the whole words), then rows matching only through the prefix.
     */
    @Override
    public Match match(Table<?> base, String text) {
        SearchTerms terms = SearchTerms.parse(text);
        if (terms.isEmpty()) {
            return new Match(base, DSL.falseCondition(), DSL.inline(0.0));
        }
        Field<Object> whole = tsquery("english", TsQueryText.from(terms.wholeWords()));
        if (!terms.lastPrefix()) {
            return new Match(base, matches(whole), rank(whole).neg());
        }
        // The stemmed ('english') prefix finds "paintings" (lexeme 'paint') from "paintings" typed whole
        // or in part; the unstemmed ('simple') one also finds "Theme" from "the", a stop word that
        // 'english' drops (the stop word itself is not indexed: "the" still does not find "The Beatles").
        Field<Object> prefixed = DSL.field(
                "({0} || ({1} && {2}))",
                Object.class,
                tsquery("english", TsQueryText.from(terms)),
                tsquery("english", TsQueryText.from(terms.withoutLastGroup())),
                tsquery("simple", TsQueryText.prefix(terms.lastWord())));
        // The tiers get separate ranges, (0, 1] and (1, 2]; within each, a higher ts_rank comes first.
        Field<Double> tiered = DSL.when(matches(whole), DSL.field("1 / (1 + {0})", Double.class, rank(whole)))
                .otherwise(DSL.field("1 + 1 / (1 + {0})", Double.class, rank(prefixed)));
        return new Match(base, matches(DSL.field("({0} || {1})", Object.class, whole, prefixed)), tiered);
    }

    /**
     * A sub-select, so that PostgreSQL computes the query once per execution (an InitPlan) even in a
     * generic plan of the prepared statement, where a bare to_tsquery($1) would be parsed again for
     * every row it ranks.
     */
    private static Field<Object> tsquery(String config, String text) {
        return DSL.field("(select to_tsquery({0}::regconfig, {1}))", Object.class, DSL.inline(config), DSL.val(text));
    }

    private Condition matches(Field<Object> query) {
        return DSL.condition("{0} @@ {1}", vector, query);
    }

    private Field<Double> rank(Field<Object> query) {
        return DSL.field("ts_rank({0}, {1})::float8", Double.class, vector, query);
    }
}
