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
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Runs a validated {@link ResourceQuery} against a {@link Source}: one query for the rows of an
 * offset or cursor page, and an exact total that is counted only when no total for the same
 * matching rows and version of their change scopes is known.
 */
public final class ResourcePages {

    /** Lists up to this long are listed whole for any page once their version has settled. */
    static final long SHORT_LIST = 100_000;
    /** The fewest best matches a ranked listing keeps. */
    static final long RANKED_FIRST = 1_000;
    /** Rows fetched per round trip while listing. */
    private static final int LIST_BATCH = 10_000;

    private final DSLContext db;
    private final DataVersions versions;
    private final CountCache counts;
    private final OrderedIds ordered;
    /** Pages from this offset on are read from a listing even while the data keeps changing. */
    private final long deepOffset;

    public ResourcePages(DSLContext db, DataVersions versions, CountCache counts, OrderedIds ordered, long deepOffset) {
        this.deepOffset = deepOffset;
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
        Matching matching = matching(source, query, callerId);
        Long knownTotal = null;
        if (source.cached()) {
            long version = versions.current(source.changes());
            knownTotal = counts.get(CountCache.key(source, version, query));
            OffsetPage listed = listedPage(source, query, matching, version, knownTotal);
            if (listed != null) {
                return listed;
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
        if (source.cached()) {
            counts.put(CountCache.key(source, counted.value2(), query), counted.value1());
        }
        return new OffsetPage(rows, counted.value1());
    }

    /**
     * The source of a ranked search whose ranks depend on more than the matching rows (SQLite's
     * bm25): it depends on the whole search index too.
     */
    private static Source rankedBy(Source source, ResourceQuery query) {
        ChangeScope corpus =
                query.ranked() && source.search() != null ? source.search().rankingCorpus() : null;
        if (corpus == null || !source.cached() || source.changes().contains(corpus)) {
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
        Field<Long> version = source.cached() ? DataVersions.versionOf(source.changes()) : DSL.inline(0L);
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
     * A page found from a {@link OrderedIds.Listing} of the list at this version: a slice of its ids,
     * or a seek from the row before the page's block. Null when the list is not worth listing (see
     * {@link #worthListing}) or the data changed between the listing and the page's rows: the
     * caller then reads the page directly, which is exact in any case.
     */
    private OffsetPage listedPage(
            Source source, ResourceQuery query, Matching matching, long version, Long knownTotal) {
        long end = query.paging().offset() + query.paging().perPage();
        CacheKey key = orderedKey(source, query);
        OrderedIds.Listing listing = ordered.get(key);
        if (listing == null || listing.version() != version || !listing.reaches(end)) {
            long reach = query.ranked() ? rankedReach(end) : Long.MAX_VALUE;
            if (reach == 0 || !worthListing(source, query, version, knownTotal)) {
                return null;
            }
            listing = ordered.compute(key, reach, upTo -> list(source, query, matching, upTo));
            if (listing == null || listing.version() < version || !listing.reaches(end)) {
                return null;
            }
        }
        return listing.stride() == 1 ? slice(listing, source, query) : seek(listing, source, query, matching);
    }

    /**
     * Whether listing every matching row pays off: always for pages deep enough that skipping to them
     * costs more than one pass over the list (one pass serves every request of the same version);
     * otherwise only once the version has settled (under a steady write load a listing is stale
     * before it is read again), for ranked searches (a page is ranked from every match anyway),
     * lists short enough to list whole, and any page after the first.
     */
    private boolean worthListing(Source source, ResourceQuery query, long version, Long knownTotal) {
        Paging paging = query.paging();
        if (paging.offset() >= deepOffset) {
            return true;
        }
        if (!versions.settled(ChangeScope.names(source.changes()) + source.scopeKey(), version)) {
            return false;
        }
        return query.ranked()
                || (knownTotal != null
                        && knownTotal > paging.perPage()
                        && (knownTotal <= SHORT_LIST || paging.offset() > 0));
    }

    /**
     * How many of a ranked search's best matches to list for a page ending at {@code end}: the
     * first 1,000, 10,000, ..., so that a listing is a top-k of the matches, not a sort of all; 0
     * when a listing would keep more ids than it may.
     */
    private long rankedReach(long end) {
        long reach = RANKED_FIRST;
        while (reach < end) {
            reach *= 10;
        }
        return end <= ordered.maxKept() ? Math.min(reach, ordered.maxKept()) : 0;
    }

    /** The listing of the list now: the ranked search's best {@code reach} ids, or the whole list. */
    private OrderedIds.Listing list(Source source, ResourceQuery query, Matching matching, long reach) {
        return query.ranked() ? listRanked(source, query, matching, reach) : listAll(source, query, matching);
    }

    private OrderedIds.Listing listRanked(Source source, ResourceQuery query, Matching matching, long reach) {
        Field<Long> id = idField(query);
        Field<Long> total = DSL.count().over().cast(Long.class).as("total");
        Field<Long> listedAt = DataVersions.versionOf(source.changes()).as("listed_at");
        var best = db.select(id, total, listedAt)
                .from(matching.from())
                .where(matching.where())
                .orderBy(order(query, matching))
                .limit(reach)
                .fetch();
        if (best.isEmpty()) {
            return null;
        }
        long[] ids = best.stream().mapToLong(row -> row.value1()).toArray();
        return new OrderedIds.Listing(best.get(0).value3(), best.get(0).value2(), 1, ids);
    }

    /**
     * Every matching id in order, read in one pass: the ids themselves while they fit in
     * {@link OrderedIds#maxKept()}, then every second (fourth, ...) one. On PostgreSQL the rows are
     * fetched in batches within a transaction, so that a long list is never held whole.
     */
    private OrderedIds.Listing listAll(Source source, ResourceQuery query, Matching matching) {
        Field<Long> id = idField(query);
        Field<Long> listedAt = DataVersions.versionOf(source.changes()).as("listed_at");
        java.util.function.Function<DSLContext, OrderedIds.Listing> read = dsl -> {
            try (org.jooq.Cursor<Record2<Long, Long>> rows = dsl.select(id, listedAt)
                    .from(matching.from())
                    .where(matching.where())
                    .orderBy(order(query, matching))
                    .fetchSize(LIST_BATCH)
                    .fetchLazy()) {
                StridedIds kept = new StridedIds(ordered.maxKept());
                Long version = null;
                for (Record2<Long, Long> row : rows) {
                    version = version == null ? row.value2() : version;
                    kept.add(row.value1());
                }
                return version == null ? null : kept.listing(version);
            }
        };
        return db.dialect().family() == SQLDialect.POSTGRES
                ? db.transactionResult(tx -> read.apply(tx.dsl()))
                : read.apply(db);
    }

    /** The rows of a slice of the listing's ids, read by id; null if any changed since the listing. */
    private OffsetPage slice(OrderedIds.Listing listing, Source source, ResourceQuery query) {
        Paging paging = query.paging();
        long[] ids = listing.ids();
        int from = (int) Math.min(ids.length, paging.offset());
        int to = (int) Math.min(ids.length, paging.offset() + paging.perPage());
        if (from == to) {
            return new OffsetPage(List.of(), listing.total());
        }
        List<Long> pageIds = Arrays.stream(ids, from, to).boxed().toList();
        Field<Long> id = idField(query);
        Field<Long> readAt = DataVersions.versionOf(source.changes()).as("read_at");
        Map<Long, Record> byId = db.select(selectList(source, query, List.of(id, readAt)))
                .from(source.table())
                .where(source.scope().and(id.in(pageIds)))
                .fetchMap(id);
        if (byId.size() != pageIds.size() || !readAt(byId.values(), listing.version())) {
            return null;
        }
        return new OffsetPage(pageIds.stream().map(byId::get).toList(), listing.total());
    }

    /**
     * The page read from the row before its block (the listing keeps every {@code stride}-th row),
     * skipping fewer than {@code stride} rows; null if the data changed since the listing.
     */
    private OffsetPage seek(OrderedIds.Listing listing, Source source, ResourceQuery query, Matching matching) {
        Paging paging = query.paging();
        if (paging.offset() >= listing.total()) {
            return new OffsetPage(List.of(), listing.total());
        }
        long block = paging.offset() / listing.stride();
        Keyset keyset = Keyset.of(query.sort(), query.schema().id());
        Condition where = matching.where();
        if (block > 0) {
            Record before = db.select(keyset.columns())
                    .from(source.table())
                    .where(idField(query).eq(listing.ids()[(int) block - 1]))
                    .fetchOne();
            if (before == null) {
                return null;
            }
            where = where.and(keyset.after(new Cursor(false, Arrays.asList(before.intoArray()))));
        }
        Field<Long> readAt = DataVersions.versionOf(source.changes()).as("read_at");
        List<Record> rows = db.select(selectList(source, query, List.of(readAt)))
                .from(matching.from())
                .where(where)
                .orderBy(keyset.orderBy(false))
                .limit(paging.perPage())
                .offset(paging.offset() - block * listing.stride())
                .fetch();
        if (rows.isEmpty() || !readAt(rows, listing.version())) {
            return null;
        }
        return new OffsetPage(rows, listing.total());
    }

    private static boolean readAt(java.util.Collection<Record> rows, long version) {
        return rows.stream().allMatch(row -> row.get("read_at", Long.class) == version);
    }

    @SuppressWarnings("unchecked")
    private static Field<Long> idField(ResourceQuery query) {
        return (Field<Long>) query.schema().id().column();
    }

    private static CacheKey orderedKey(Source source, ResourceQuery query) {
        String order = query.ranked()
                ? "rank"
                : Keyset.of(query.sort(), query.schema().id()).signature();
        return OrderedIds.key(source, query, order);
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
