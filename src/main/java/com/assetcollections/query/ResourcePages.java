package com.assetcollections.query;

import com.assetcollections.caches.CacheKey;
import com.assetcollections.storage.ChangeScope;
import com.assetcollections.storage.DataVersions;
import com.assetcollections.storage.FullTextSearch;
import com.assetcollections.web.PageEnvelope;
import com.assetcollections.web.PageLinks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Runs a validated {@link ResourceQuery} against a {@link Source}: one query for the rows of an
 * offset or cursor page, and an exact total that is counted only when no total for the same
 * matching rows and version of their change scopes is known.
 */
public final class ResourcePages {

    private final DSLContext db;
    private final DataVersions versions;
    private final CountCache counts;
    private final OrderedIds ordered;

    public ResourcePages(DSLContext db, DataVersions versions, CountCache counts, OrderedIds ordered) {
        this.db = db;
        this.versions = versions;
        this.counts = counts;
        this.ordered = ordered;
    }

    public record OffsetPage(List<Record> rows, long total) {}

    /** @param next and {@code prev} are encoded cursors, or null at either end */
    public record CursorPage(List<Record> rows, String next, String prev) {}

    /**
     * The list envelope of a request: an offset page with its exact total, or a cursor page when
     * the request asked for one; {@code writer} turns the page's rows into items.
     */
    public Map<String, Object> list(
            Source source,
            ResourceQuery query,
            long callerId,
            PageLinks links,
            Function<List<Record>, List<Map<String, Object>>> writer) {
        Paging paging = query.paging();
        if (paging.cursorMode()) {
            CursorPage page = cursorPage(source, query, callerId);
            return PageEnvelope.cursor(writer.apply(page.rows()), paging.perPage(), page.next(), page.prev(), links);
        }
        OffsetPage page = offsetPage(source, query, callerId);
        return PageEnvelope.offset(writer.apply(page.rows()), page.total(), paging.page(), paging.perPage(), links);
    }

    public OffsetPage offsetPage(Source source, ResourceQuery query, long callerId) {
        source = rankedBy(source, query);
        long version = versions.current(source.changes());
        CacheKey key = CountCache.key(source, version, query);
        Matching matching = matching(source, query, callerId);
        Long knownTotal = counts.get(key);
        if (query.ranked()
                || (knownTotal != null
                        && knownTotal > query.paging().perPage()
                        && knownTotal <= OrderedIds.MAX_IDS
                        && versions.settled(ChangeScope.names(source.changes()) + source.scopeKey(), version))) {
            OffsetPage page = listedPage(source, query, matching, version);
            if (page != null) {
                return page;
            }
        }
        Paging paging = query.paging();
        List<Record> rows = db.select(selectList(source, query, List.of()))
                .from(matching.from())
                .where(matching.where())
                .orderBy(order(query, matching))
                .limit(paging.perPage())
                .offset(paging.offset())
                .fetch();
        if (knownTotal != null) {
            return new OffsetPage(rows, knownTotal);
        }
        if (rows.size() < paging.perPage() && (!rows.isEmpty() || paging.offset() == 0)) {
            return new OffsetPage(rows, paging.offset() + rows.size());
        }
        Record2<Long, Long> counted = total(source, query, matching);
        counts.put(CountCache.key(source, counted.value2(), query), counted.value1());
        return new OffsetPage(rows, counted.value1());
    }

    /**
     * The source of a ranked search whose ranks depend on more than the matching rows (SQLite's
     * bm25): it depends on the whole search index too.
     */
    private static Source rankedBy(Source source, ResourceQuery query) {
        ChangeScope corpus =
                query.ranked() && source.search() != null ? source.search().rankingCorpus() : null;
        if (corpus == null || source.changes().contains(corpus)) {
            return source;
        }
        List<ChangeScope> changes = new ArrayList<>(source.changes());
        changes.add(corpus);
        return new Source(
                source.table(),
                source.scope(),
                source.scopeKey(),
                source.search(),
                List.copyOf(changes),
                source.alwaysSelect(),
                source.fastTotal());
    }

    /**
     * The exact total with the version of its change scopes it was read at, in one statement (one snapshot): from
     * the source's maintained counters when it has some for the query, else counted.
     */
    private Record2<Long, Long> total(Source source, ResourceQuery query, Matching matching) {
        Field<Long> version = DataVersions.versionOf(source.changes());
        Field<Long> fast = source.fastTotal() == null || query.search() != null
                ? null
                : source.fastTotal().apply(query);
        if (fast != null) {
            return db.select(fast, version).fetchOne();
        }
        return db.select(DSL.count().cast(Long.class), version)
                .from(matching.from())
                .where(matching.where())
                .fetchOne();
    }

    public CursorPage cursorPage(Source source, ResourceQuery query, long callerId) {
        if (query.ranked()) {
            throw new InvalidQuery(
                    "cursor",
                    "cursor paging needs an explicit `sort`; results ranked by relevance " + "are paged with `page`");
        }
        Keyset keyset = Keyset.of(query.sort(), query.schema().id());
        String token = query.paging().cursor();
        Cursor cursor = token.isEmpty() ? null : Cursor.decode(token, keyset.signature(), keyset.columns());
        boolean backward = cursor != null && cursor.backward();
        Matching matching = matching(source, query, callerId);
        Condition where = cursor == null ? matching.where() : matching.where().and(keyset.after(cursor));
        int perPage = query.paging().perPage();
        List<Record> rows = new ArrayList<>(db.select(selectList(source, query, keyset.columns()))
                .from(matching.from())
                .where(where)
                .orderBy(keyset.orderBy(backward))
                .limit(perPage + 1)
                .fetch());
        boolean more = rows.size() > perPage;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backward) {
            java.util.Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new CursorPage(rows, null, null);
        }
        boolean hasNext = backward || more;
        boolean hasPrev = backward ? more : cursor != null;
        return new CursorPage(
                rows,
                hasNext ? position(keyset, rows.get(rows.size() - 1), false) : null,
                hasPrev ? position(keyset, rows.get(0), true) : null);
    }

    /**
     * A page cut from the ordered ids of all matching rows (computed once per version, see
     * {@link OrderedIds}): for ranked searches, and for lists whose total is known to be small
     * enough. The rows are read by id, within the scope again. Null when more rows match than
     * such a list keeps. A list is stored under the version read in the statement that listed
     * the ids, so it never holds rows of another version than its key says.
     */
    private OffsetPage listedPage(Source source, ResourceQuery query, Matching matching, long version) {
        @SuppressWarnings("unchecked")
        Field<Long> id = (Field<Long>) query.schema().id().column();
        long[] ids = ordered.get(orderedKey(source, query, version));
        if (ids == null) {
            Field<Long> listedAt = DataVersions.versionOf(source.changes()).as("listed_at");
            var all = db.select(id, listedAt)
                    .from(matching.from())
                    .where(matching.where())
                    .orderBy(order(query, matching))
                    .limit(OrderedIds.MAX_IDS + 1)
                    .fetch();
            ids = all.size() > OrderedIds.MAX_IDS
                    ? OrderedIds.TOO_MANY
                    : all.stream().mapToLong(row -> row.value1()).toArray();
            if (!all.isEmpty()) {
                ordered.put(orderedKey(source, query, all.get(0).value2()), ids);
            }
        }
        if (ids == OrderedIds.TOO_MANY) {
            return null;
        }
        Paging paging = query.paging();
        int from = (int) Math.min(ids.length, paging.offset());
        int to = (int) Math.min(ids.length, paging.offset() + paging.perPage());
        List<Long> pageIds = Arrays.stream(ids, from, to).boxed().toList();
        if (pageIds.isEmpty()) {
            return new OffsetPage(List.of(), ids.length);
        }
        Map<Long, Record> byId = db.select(selectList(source, query, List.of(id)))
                .from(source.table())
                .where(source.scope().and(id.in(pageIds)))
                .fetchMap(id);
        List<Record> rows =
                pageIds.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new OffsetPage(rows, ids.length);
    }

    private static CacheKey orderedKey(Source source, ResourceQuery query, long version) {
        String order = query.ranked()
                ? "rank"
                : Keyset.of(query.sort(), query.schema().id()).signature();
        return OrderedIds.key(source, version, query, order);
    }

    /** The one row matching the condition (an id or uuid) within the source, if the caller may see it. */
    public Record item(Source source, Condition identity, ResourceQuery query) {
        return db.select(selectList(source, query, List.of()))
                .from(source.table())
                .where(source.scope().and(identity))
                .fetchOne();
    }

    private static String position(Keyset keyset, Record row, boolean backward) {
        List<Object> keys =
                keyset.columns().stream().map(row::get).map(Object.class::cast).toList();
        return new Cursor(backward, keys).encode(keyset.signature());
    }

    private record Matching(Table<?> from, Condition where, Field<?> rank) {}

    private static Matching matching(Source source, ResourceQuery query, long callerId) {
        Condition where = source.scope();
        for (FilterClause filter : query.filters()) {
            where = where.and(filter.condition().apply(callerId));
        }
        if (query.search() == null) {
            return new Matching(source.table(), where, null);
        }
        FullTextSearch.Match match = source.search().match(source.table(), query.search());
        return new Matching(match.from(), where.and(match.where()), match.rank());
    }

    private static List<SortField<?>> order(ResourceQuery query, Matching matching) {
        if (query.ranked()) {
            return List.of(
                    matching.rank().asc(), query.schema().id().sortColumn().asc());
        }
        return Keyset.of(query.sort(), query.schema().id()).orderBy(false);
    }

    private static Set<Field<?>> selectList(Source source, ResourceQuery query, List<Field<?>> extra) {
        Set<Field<?>> select = new LinkedHashSet<>(columns(query, source.alwaysSelect()));
        select.addAll(extra);
        return select;
    }

    /** The columns an item of {@code query} is written from: its fields' and {@code always}. */
    public static List<Field<?>> columns(ResourceQuery query, List<Field<?>> always) {
        Set<Field<?>> columns = new LinkedHashSet<>();
        query.fields().forEach(field -> columns.add(field.column()));
        columns.addAll(always);
        return List.copyOf(columns);
    }
}
