package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.OWNER_ID;
import static com.assetcollections.collections.CollectionTable.UUID_;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.query.EmbedLimit;
import com.assetcollections.query.Include;
import com.assetcollections.query.ItemKey;
import com.assetcollections.query.QueryParser;
import com.assetcollections.query.ResourceItems;
import com.assetcollections.query.ResourceItems.Embed;
import com.assetcollections.query.ResourcePages;
import com.assetcollections.query.ResourceQuery;
import com.assetcollections.query.Source;
import com.assetcollections.storage.ChangeScope;
import com.assetcollections.storage.FullTextSearch;
import com.assetcollections.users.OwnerInclude;
import com.assetcollections.web.PageLinks;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Service;

/** Reads collections for a caller: lists and single items, with their includes. */
@Service
public class CollectionReader {

    private static final Include ASSETS = CollectionSchema.SCHEMA.include("assets");
    private static final Include OWNER = CollectionSchema.SCHEMA.include("owner");
    /** A collection's full representation, the body of write responses. */
    private static final ResourceQuery FULL = QueryParser.parseItem(CollectionSchema.SCHEMA, Map.of());
    /**
     * The columns of the full representation: a write reads them back with RETURNING (or, when it
     * changed nothing, with one select) instead of a second, access-checked read.
     */
    static final List<Field<?>> REPRESENTATION = ResourcePages.columns(FULL, List.of(ID, OWNER_ID));

    private final DSLContext db;
    private final ResourcePages pages;
    private final CollectionIncludes includes;
    private final OwnerInclude owners;
    private final FullTextSearch search;
    private final Tombstones tombstones;

    CollectionReader(
            DSLContext db,
            ResourcePages pages,
            CollectionIncludes includes,
            OwnerInclude owners,
            CollectionSearch search,
            Tombstones tombstones) {
        this.db = db;
        this.pages = pages;
        this.includes = includes;
        this.owners = owners;
        this.search = search.fullText();
        this.tombstones = tombstones;
    }

    Map<String, Object> list(Caller caller, Map<String, String[]> parameters, PageLinks links) {
        caller.require(Scope.COLLECTIONS_READ);
        ResourceQuery query = QueryParser.parseList(CollectionSchema.SCHEMA, parameters);
        requireIncludeScopes(caller, query);
        Source source = visibleTo(caller);
        source = CollectionsWithTombstones.UNION.sourceFor(
                query, parameters, tombstones.kept(), source, CollectionsWithTombstones.visibleTo(caller.userId()));
        return pages.list(source, query, caller.userId(), links, rows -> items(rows, query));
    }

    Map<String, Object> one(Caller caller, String key, Map<String, String[]> parameters) {
        caller.require(Scope.COLLECTIONS_READ);
        return item(caller, key, parameters);
    }

    /**
     * The full representation of a collection the caller has just written (or is about to): the
     * body of write responses and the state {@code If-Match} is compared with. Needs no read scope.
     */
    Map<String, Object> current(Caller caller, long id) {
        return item(caller, Long.toString(id), Map.of());
    }

    /** The full representation of a row of {@link #REPRESENTATION} a write has just read back. */
    Map<String, Object> written(Record row) {
        return ResourceItems.body(items(List.of(row), FULL).get(0));
    }

    private Map<String, Object> item(Caller caller, String key, Map<String, String[]> parameters) {
        ResourceQuery query = QueryParser.parseItem(CollectionSchema.SCHEMA, parameters);
        requireIncludeScopes(caller, query);
        Record row = pages.item(visibleTo(caller), ItemKey.condition(key, ID, UUID_, "collection"), query);
        if (row == null) {
            throw ItemKey.notFound(key, "collection");
        }
        return ResourceItems.body(items(List.of(row), query).get(0));
    }

    /**
     * The id of the collection {@code key} names if the caller may see it (the parent check of
     * sub-resources); otherwise {@link com.assetcollections.web.NotFound}.
     */
    public long visibleId(Caller caller, String key) {
        caller.require(Scope.COLLECTIONS_READ);
        Long id = db.select(ID)
                .from(COLLECTIONS)
                .where(ItemKey.condition(key, ID, UUID_, "collection").and(Visibility.visibleTo(caller.userId())))
                .fetchOne(ID);
        if (id == null) {
            throw ItemKey.notFound(key, "collection");
        }
        return id;
    }

    private Source visibleTo(Caller caller) {
        return new Source(
                COLLECTIONS,
                Visibility.visibleTo(caller.userId()),
                "user:" + caller.userId(),
                search,
                changesVisibleTo(caller),
                List.of(ID, OWNER_ID),
                query -> VisibleTotal.of(caller.userId(), query));
    }

    /** What the collections a caller may see depend on. */
    static List<ChangeScope> changesVisibleTo(Caller caller) {
        return caller.anonymous()
                ? List.of(ChangeScope.publicCollections())
                : ChangeScope.collectionsVisibleTo(caller.userId());
    }

    private static void requireIncludeScopes(Caller caller, ResourceQuery query) {
        if (query.includes(ASSETS.name())) {
            caller.require(Scope.ASSETS_READ);
        }
    }

    private List<Map<String, Object>> items(List<Record> rows, ResourceQuery query) {
        Embed owner = owners.embed(rows, OWNER_ID, query, OWNER);
        Embed assets = query.includes(ASSETS.name())
                ? ResourceItems.related(
                        ASSETS,
                        query,
                        ID,
                        includes.assets(
                                ResourceItems.liveIds(rows, ID, CollectionsWithTombstones.UNION),
                                EmbedLimit.perItem(query.paging())))
                : Embed.NONE;
        return ResourceItems.write(rows, query, CollectionsWithTombstones.UNION, List.of(assets, owner));
    }
}
