package com.assetcollections.storage;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Full-text matching and ranking, which the two databases do differently (SQLite FTS5, PostgreSQL
 * tsvector); one implementation per database and searchable table.
 */
public interface FullTextSearch {

    /** What to select from, and how to filter and rank, to find {@code text} in {@code base}. */
    Match match(Table<?> base, String text);

    /**
     * The change scope whose changes can reorder a ranking although no matching row changed (SQLite's
     * bm25 weighs terms by statistics of the whole index), or null when a row's rank depends on that
     * row alone (PostgreSQL's ts_rank).
     */
    default ChangeScope rankingCorpus() {
        return null;
    }

    /**
     * @param from  the table to select from ({@code base}, or {@code base} joined to the index)
     * @param where the matching rows
     * @param rank  ascending order is best match first
     */
    record Match(Table<?> from, Condition where, Field<?> rank) {}
}
