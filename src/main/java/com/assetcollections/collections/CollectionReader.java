package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.OWNER_ID;
import static com.assetcollections.collections.CollectionTable.UUID_;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.query.QueryParser;
import com.assetcollections.query.ResourceJson;
import com.assetcollections.query.ResourcePages;
import com.assetcollections.query.ResourceQuery;
import com.assetcollections.query.Source;
import com.assetcollections.storage.FullTextSearch;
import com.assetcollections.web.NotFound;
import com.assetcollections.web.PageEnvelope;
import com.assetcollections.web.PageLinks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Record;
import org.springframework.stereotype.Service;

/** Reads collections for a caller: lists and single items, with their includes. */
@Service
class CollectionReader {

    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ResourcePages pages;
    private final CollectionIncludes includes;
    private final FullTextSearch search;

    CollectionReader(ResourcePages pages, CollectionIncludes includes, CollectionSearch search) {
        this.pages = pages;
        this.includes = includes;
        this.search = search.fullText();
    }

    Map<String, Object> list(Caller caller, Map<String, String[]> parameters, PageLinks links) {
        caller.require(Scope.COLLECTIONS_READ);
        ResourceQuery query = QueryParser.parseList(CollectionSchema.SCHEMA, parameters);
        requireIncludeScopes(caller, query);
        Source source = visibleTo(caller);
        if (query.paging().cursorMode()) {
            ResourcePages.CursorPage page = pages.cursorPage(source, query, caller.userId());
            return PageEnvelope.cursor(items(page.rows(), query), query.paging().perPage(), page.next(), page.prev(),
                    links);
        }
        ResourcePages.OffsetPage page = pages.offsetPage(source, query, caller.userId());
        return PageEnvelope.offset(items(page.rows(), query), page.total(), query.paging().page(),
                query.paging().perPage(), links);
    }

    Map<String, Object> one(Caller caller, String key, Map<String, String[]> parameters) {
        caller.require(Scope.COLLECTIONS_READ);
        ResourceQuery query = QueryParser.parseItem(CollectionSchema.SCHEMA, parameters);
        requireIncludeScopes(caller, query);
        Record row = pages.item(visibleTo(caller), identity(key), query);
        if (row == null) {
            throw new NotFound("collection `" + key + "` not found");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", items(List.of(row), query).get(0));
        return body;
    }

    private Source visibleTo(Caller caller) {
        return new Source(COLLECTIONS, Visibility.visibleTo(caller.userId()), "user:" + caller.userId(), search,
                "collections", List.of(ID, OWNER_ID));
    }

    private static Condition identity(String key) {
        if (NUMERIC_ID.matcher(key).matches()) {
            return ID.eq(Long.parseLong(key));
        }
        if (UUID_TEXT.matcher(key).matches()) {
            return UUID_.eq(UUID.fromString(key));
        }
        throw new NotFound("collection `" + key + "` not found");
    }

    private static void requireIncludeScopes(Caller caller, ResourceQuery query) {
        if (query.includes("assets")) {
            caller.require(Scope.ASSETS_READ);
        }
    }

    private List<Map<String, Object>> items(List<Record> rows, ResourceQuery query) {
        List<Long> ids = rows.stream().map(r -> r.get(ID)).toList();
        Map<Long, Map<String, Object>> owners = query.includes("owner")
                ? includes.owners(rows.stream().map(r -> r.get(OWNER_ID)).distinct().toList()) : Map.of();
        Map<Long, CollectionIncludes.Assets> assets = query.includes("assets") ? includes.assets(ids) : Map.of();
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        for (Record row : rows) {
            Map<String, Object> item = ResourceJson.write(row, query.fields());
            if (query.includes("assets")) {
                CollectionIncludes.Assets members = assets.get(row.get(ID));
                item.put("assets", members.first());
                item.put("assets_count", members.count());
            }
            if (query.includes("owner")) {
                item.put("owner", owners.get(row.get(OWNER_ID)));
            }
            items.add(item);
        }
        return items;
    }
}
