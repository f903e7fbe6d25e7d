package com.assetcollections.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.SelectConditionStep;
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

    /**
     * @param corpus        the scope that every change to the indexed text marks (see {@link #rankingCorpus})
     * @param columnWeights one weight per FTS column, in column order
     */
    public SqliteTextSearch(String ftsTable, Field<Long> baseId, ChangeScope corpus, double... columnWeights) {
        this.corpus = corpus;
        this.ftsTable = ftsTable;
        this.baseId = baseId;
        this.weights = Arrays.stream(columnWeights).mapToObj(Double::toString).collect(Collectors.joining(", "));
    }

    /**
     * When the last word may match as a prefix, rows matching the whole words rank first (by their
     * bm25 for the whole words), then rows matching only through the prefix; the rows matching the
     * whole words are those of a second, left-joined FTS5 query.
     */
    @Override
    public Match match(Table<?> base, String text) {
        SearchTerms terms = SearchTerms.parse(text);
        if (terms.isEmpty()) {
            return new Match(base, DSL.falseCondition(), DSL.inline(0.0));
        }
        String wholeWords = Fts5Query.from(terms.wholeWords());
        if (!terms.lastPrefix()) {
            return new Match(
                    base.join(hits(wholeWords).asTable("fts")).on(id("fts").eq(baseId)),
                    DSL.noCondition(),
                    rank("fts"));
        }
        // The LIMIT keeps SQLite (3.54) from flattening the second query into the join, where it runs
        // the FTS5 query again for every matching row (22 s for the 28,253 matches of "painting" on the
        // benchmark's 400,000 assets); kept apart, it is read once into an automatic index (90 ms).
        Table<?> whole = hits(wholeWords).limit(DSL.inline(Integer.MAX_VALUE)).asTable("fts_whole");
        Table<?> from = base.join(hits(Fts5Query.from(terms)).asTable("fts"))
                .on(id("fts").eq(baseId))
                .leftJoin(whole)
                .on(id("fts_whole").eq(baseId));
        // bm25 is at most 0 (lower is better); the tiers get separate ranges, (0, 1] and (1, 2].
        Field<Double> tiered = DSL.when(id("fts_whole").isNotNull(), inverse(rank("fts_whole")))
                .otherwise(DSL.inline(1.0).plus(inverse(rank("fts"))));
        return new Match(from, DSL.noCondition(), tiered);
    }

    private SelectConditionStep<Record2<Long, Double>> hits(String expression) {
        Field<Long> rowId = field(name(ftsTable, "rowid"), Long.class);
        // bm25() is lower for better matches; weights are constants of the code, never request data.
        Field<Double> rank = DSL.field("bm25({0}, " + weights + ")", Double.class, DSL.table(name(ftsTable)));
        return DSL.select(rowId.as("fts_id"), rank.as("fts_rank"))
                .from(DSL.table(name(ftsTable)))
                .where(DSL.condition("{0} MATCH {1}", DSL.table(name(ftsTable)), DSL.val(expression)));
    }

    private static Field<Long> id(String alias) {
        return field(name(alias, "fts_id"), Long.class);
    }

    private static Field<Double> rank(String alias) {
        return field(name(alias, "fts_rank"), Double.class);
    }

    /** 1 / (1 - bm25): in (0, 1], lower for better matches. */
    private static Field<Double> inverse(Field<Double> bm25) {
        return DSL.inline(1.0).div(DSL.inline(1.0).minus(bm25));
    }

    @Override
    public ChangeScope rankingCorpus() {
        return corpus;
    }
}
