package com.assetcollections.query;

import com.assetcollections.storage.ChangeScope;
import com.assetcollections.storage.FullTextSearch;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Where a list reads its rows from: the table, the condition that limits it to what the caller may
 * see (visibility, or the parent of a sub-resource), and how to search it.
 *
 * @param scopeKey     a stable text naming the scope (e.g. the caller's id), part of cached totals' keys
 * @param changes      the scopes whose versions change whenever what this source lists changes;
 *                     none: nothing about this list is cached (every total is counted)
 * @param alwaysSelect columns the reader needs whatever the client's sparse fieldset (ids for includes)
 * @param fastTotal    for a query without search, an expression equal to its total that is cheaper
 *                     than counting the rows (maintained counters), or null to count them; null
 *                     when the source has none and every total is counted
 */
public record Source(
        Table<?> table,
        Condition scope,
        String scopeKey,
        FullTextSearch search,
        List<ChangeScope> changes,
        List<Field<?>> alwaysSelect,
        Function<ResourceQuery, Field<Long>> fastTotal) {

    /** A source whose totals are always counted. */
    public Source(
            Table<?> table,
            Condition scope,
            String scopeKey,
            FullTextSearch search,
            List<ChangeScope> changes,
            List<Field<?>> alwaysSelect) {
        this(table, scope, scopeKey, search, changes, alwaysSelect, null);
    }

    /** Whether totals and ordered ids of this list are remembered between requests. */
    boolean cached() {
        return !changes.isEmpty();
    }
}
