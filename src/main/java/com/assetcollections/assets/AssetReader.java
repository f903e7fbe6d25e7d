package com.assetcollections.assets;

import static com.assetcollections.assets.AssetTable.ASSETS;
import static com.assetcollections.assets.AssetTable.ID;
import static com.assetcollections.assets.AssetTable.OWNER_ID;
import static com.assetcollections.assets.AssetTable.UUID_;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.collections.CollectionTable;
import com.assetcollections.query.EmbedLimit;
import com.assetcollections.query.FieldSpec;
import com.assetcollections.query.Include;
import com.assetcollections.query.ItemKey;
import com.assetcollections.query.QueryParser;
import com.assetcollections.query.ResourceItems;
import com.assetcollections.query.ResourceItems.Embed;
import com.assetcollections.query.ResourcePages;
import com.assetcollections.query.ResourceQuery;
import com.assetcollections.query.SortKey;
import com.assetcollections.query.Source;
import com.assetcollections.query.ValueType;
import com.assetcollections.storage.ChangeScope;
import com.assetcollections.storage.FullTextSearch;
import com.assetcollections.users.OwnerInclude;
import com.assetcollections.web.PageLinks;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Reads assets: the catalogue list, single items, and the assets of one collection in its own
 * order. Authenticated readers see the whole catalogue; anonymous callers only the assets held by
 * a public collection, so an asset in no public collection is absent from their lists and 404.
 */
@Service
class AssetReader {

    private static final Include COLLECTIONS = AssetSchema.SCHEMA.include("collections");
    private static final Include OWNER = AssetSchema.SCHEMA.include("owner");
    /** An asset's full representation, the body of write responses. */
    private static final ResourceQuery FULL = QueryParser.parseItem(AssetSchema.SCHEMA, Map.of());
    /**
     * The columns of the full representation: a write reads them back with RETURNING (or, when it
     * changed nothing, with one select) instead of a second, access-checked read.
     */
    static final List<Field<?>> REPRESENTATION = ResourcePages.columns(FULL, List.of(ID, OWNER_ID));
    /** The sub-resource's default order: the collection's own (membership position). */
    private static final List<SortKey> COLLECTION_ORDER = List.of(new SortKey(
            FieldSpec.of("position", ValueType.INTEGER, CollectionTable.MEMBER_POSITION, "position in the collection")
                    .sortable(),
            false));

    private final ResourcePages pages;
    private final AssetIncludes includes;
    private final OwnerInclude owners;
    private final FullTextSearch search;
    private final AssetTombstones tombstones;

    AssetReader(
            ResourcePages pages,
            AssetIncludes includes,
            OwnerInclude owners,
            AssetSearch search,
            AssetTombstones tombstones) {
        this.pages = pages;
        this.includes = includes;
        this.owners = owners;
        this.search = search.fullText();
        this.tombstones = tombstones;
    }

    Map<String, Object> list(Caller caller, Map<String, String[]> parameters, PageLinks links) {
        caller.require(Scope.ASSETS_READ);
        ResourceQuery query = QueryParser.parseList(AssetSchema.SCHEMA, parameters);
        requireCollectionScope(caller, query);
        Source catalogue = new Source(
                ASSETS,
                catalogue(caller),
                scopeKey("all", query, caller),
                search,
                changes(ChangeScope.assets(), query, caller),
                List.of(ID, OWNER_ID));
        catalogue = AssetsWithTombstones.UNION.sourceFor(
                query, parameters, tombstones.kept(), catalogue, catalogue.scope());
        return page(catalogue, query, caller, links);
    }

    Map<String, Object> inCollection(
            Caller caller, long collectionId, Map<String, String[]> parameters, PageLinks links) {
        caller.require(Scope.ASSETS_READ);
        ResourceQuery query = QueryParser.parseList(AssetSchema.SCHEMA, parameters);
        requireCollectionScope(caller, query);
        if (query.sort().isEmpty() && query.search() == null) {
            query = query.withSort(COLLECTION_ORDER);
        }
        Source members = new Source(
                ASSETS.join(CollectionTable.MEMBERS)
                        .on(CollectionTable.MEMBER_ASSET_ID
                                .eq(ID)
                                .and(CollectionTable.MEMBER_COLLECTION_ID.eq(collectionId))),
                catalogue(caller),
                scopeKey("collection:" + collectionId, query, caller),
                search,
                changes(ChangeScope.membersOf(collectionId), query, caller),
                List.of(ID, OWNER_ID));
        return page(members, query, caller, links);
    }

    Map<String, Object> one(Caller caller, String key, Map<String, String[]> parameters) {
        caller.require(Scope.ASSETS_READ);
        return item(caller, key, parameters);
    }

    /**
     * The full representation of an asset the caller has just written (or is about to): the body of
     * write responses and the state {@code If-Match} is compared with. Needs no read scope, so a
     * token with only {@code assets:write} gets the written asset back.
     */
    Map<String, Object> current(Caller caller, long id) {
        return item(caller, Long.toString(id), Map.of());
    }

    /** The full representation of a row of {@link #REPRESENTATION} the caller has just written. */
    Map<String, Object> written(Caller caller, Record row) {
        return ResourceItems.body(items(List.of(row), FULL, caller).get(0));
    }

    private Map<String, Object> item(Caller caller, String key, Map<String, String[]> parameters) {
        ResourceQuery query = QueryParser.parseItem(AssetSchema.SCHEMA, parameters);
        requireCollectionScope(caller, query);
        Source catalogue = new Source(
                ASSETS, catalogue(caller), "all", search, List.of(ChangeScope.assets()), List.of(ID, OWNER_ID));
        Record row = pages.item(catalogue, ItemKey.condition(key, ID, UUID_, "asset"), query);
        if (row == null) {
            throw ItemKey.notFound(key, "asset");
        }
        return ResourceItems.body(items(List.of(row), query, caller).get(0));
    }

    /** What shows collections (their names, or which ones hold an asset) needs the collections scope too. */
    private static void requireCollectionScope(Caller caller, ResourceQuery query) {
        if (query.includes(COLLECTIONS.name()) || query.filtersOn("collection")) {
            caller.require(Scope.COLLECTIONS_READ);
        }
    }

    private Map<String, Object> page(Source source, ResourceQuery query, Caller caller, PageLinks links) {
        return pages.list(source, query, caller.userId(), links, rows -> items(rows, query, caller));
    }

    /**
     * The assets a caller may read at all. The sub-resource applies it too, although its collection
     * is already known to be visible: the SQL alone then keeps anonymous callers to public ones.
     */
    private static Condition catalogue(Caller caller) {
        return caller.anonymous() ? AssetSchema.heldByACollectionVisibleTo(caller.userId()) : DSL.noCondition();
    }

    /**
     * Assets are a catalogue, so totals are shared by all callers unless a filter depends on who
     * asks; anonymous callers, who read less of it, share theirs.
     */
    private static String scopeKey(String scope, ResourceQuery query, Caller caller) {
        if (caller.anonymous()) {
            return "anonymous:" + scope;
        }
        return query.matchesByCaller() ? scope + ":user:" + caller.userId() : scope;
    }

    /**
     * What an asset list depends on: its own rows ({@code rows}: the catalogue, or one collection's
     * members), and also the links between assets and collections when a filter or the caller's
     * reach goes through collections.
     */
    private static List<ChangeScope> changes(ChangeScope rows, ResourceQuery query, Caller caller) {
        if (caller.anonymous() || query.filtersOn("collection") || query.matchesByCaller()) {
            return List.of(rows, ChangeScope.assetLinks());
        }
        return List.of(rows);
    }

    private List<Map<String, Object>> items(List<Record> rows, ResourceQuery query, Caller caller) {
        Embed owner = owners.embed(rows, OWNER_ID, query, OWNER);
        Embed collections = query.includes(COLLECTIONS.name())
                ? ResourceItems.related(
                        COLLECTIONS,
                        query,
                        ID,
                        includes.visibleCollections(
                                ResourceItems.liveIds(rows, ID, AssetsWithTombstones.UNION),
                                caller.userId(),
                                EmbedLimit.perItem(query.paging())))
                : Embed.NONE;
        return ResourceItems.write(rows, query, AssetsWithTombstones.UNION, List.of(collections, owner));
    }
}
