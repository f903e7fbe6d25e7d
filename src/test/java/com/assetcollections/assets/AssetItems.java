package com.assetcollections.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.collections.VisibilityWorld;
import com.assetcollections.collections.VisibilityWorld.Asset;
import com.assetcollections.collections.VisibilityWorld.Coll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the model of a {@link VisibilityWorld} says an asset item, and the assets a collection
 * embeds, must look like: exactly the requested keys in schema order, every value as written,
 * and of a caller's includes only what that caller may see.
 */
final class AssetItems {

    static final List<String> SLIM_ASSET = List.of("id", "uuid", "name", "asset_type", "url");
    static final List<String> SLIM_COLLECTION = List.of("id", "uuid", "name", "collection_type");
    static final List<String> SLIM_USER = List.of("id", "name");
    /** Most collections an asset embeds and most assets a collection embeds. */
    static final int EMBEDDED = 100;
    /** Most related items a whole list page embeds. */
    static final int EMBEDDED_PER_PAGE = 10_000;

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AssetItems() {}

    /** How many related items each item of a list page embeds: 100, fewer on pages of more than 100 items. */
    static int embeddedPerItem(Map<String, String> listParams) {
        int perPage = Integer.parseInt(listParams.getOrDefault("per_page", "25"));
        return Math.min(EMBEDDED, EMBEDDED_PER_PAGE / perPage);
    }

    /**
     * An asset item as {@code params} ask for it ({@code fields[...]}, {@code include}) for the
     * caller, embedding at most {@code embedded} collections.
     */
    static void assertAsset(
            String what,
            VisibilityWorld world,
            long callerId,
            JsonNode item,
            Map<String, String> params,
            int embedded) {
        Asset asset = world.assetById(item.get("id").asLong());
        String about = what + ": asset " + asset.id();
        List<String> includes = includes(params);
        List<String> keys = new ArrayList<>(requested(params.get("fields[assets]"), RandomAssetQuery.FIELDS));
        if (includes.contains("collections")) {
            keys.addAll(List.of("collections", "collections_count"));
        }
        if (includes.contains("owner")) {
            keys.add("owner");
        }
        assertThat(item.propertyNames()).as(about + ": keys").containsExactlyElementsOf(keys);
        Map<String, Object> values = values(asset);
        for (String key : requested(params.get("fields[assets]"), RandomAssetQuery.FIELDS)) {
            assertThat(plain(item.get(key))).as(about + ": " + key).isEqualTo(values.get(key));
        }
        if (includes.contains("collections")) {
            List<Coll> visible = world.visibleHolding(asset.id(), callerId);
            List<String> fields = requested(params.get("fields[collections]"), SLIM_COLLECTION);
            List<Map<String, Object>> expected = visible.subList(0, Math.min(embedded, visible.size())).stream()
                    .map(c -> narrow(slim(c), fields))
                    .toList();
            assertThat(list(item.get("collections")))
                    .as(about + ": the collections user %d may see, by id", callerId)
                    .containsExactlyElementsOf(expected);
            item.get("collections")
                    .forEach(c -> assertThat(c.propertyNames())
                            .as(about + ": keys of an embedded collection")
                            .containsExactlyElementsOf(fields));
            assertThat(item.get("collections_count").asLong())
                    .as(about + ": collections_count for user %d", callerId)
                    .isEqualTo(visible.size());
        }
        if (includes.contains("owner")) {
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("id", asset.ownerId());
            owner.put("name", world.nameOf(asset.ownerId()));
            List<String> fields = requested(params.get("fields[users]"), SLIM_USER);
            assertThat(plain(item.get("owner"))).as(about + ": owner").isEqualTo(narrow(owner, fields));
            assertThat(item.get("owner").propertyNames())
                    .as(about + ": keys of the owner")
                    .containsExactlyElementsOf(fields);
        }
    }

    /**
     * A collection item's embedded assets: its first {@code embedded} in collection order, narrowed,
     * and the full count.
     */
    static void assertEmbeddedAssets(
            String what, VisibilityWorld world, Coll collection, JsonNode item, String assetFields, int embedded) {
        List<String> fields = requested(assetFields, SLIM_ASSET);
        List<Long> ids = collection.assetIds();
        List<Map<String, Object>> expected = ids.subList(0, Math.min(embedded, ids.size())).stream()
                .map(id -> narrow(slim(world.assetById(id)), fields))
                .toList();
        assertThat(list(item.get("assets")))
                .as("%s: the first assets of collection %d in collection order", what, collection.id())
                .containsExactlyElementsOf(expected);
        item.get("assets")
                .forEach(a -> assertThat(a.propertyNames())
                        .as("%s: keys of an embedded asset", what)
                        .containsExactlyElementsOf(fields));
        assertThat(item.get("assets_count").asLong())
                .as("%s: assets_count of collection %d", what, collection.id())
                .isEqualTo(ids.size());
    }

    static List<String> includes(Map<String, String> params) {
        String include = params.getOrDefault("include", "");
        return include.isEmpty() ? List.of() : Arrays.asList(include.split(","));
    }

    /** The fields a {@code fields[type]} value names, in schema order; all of them without it. */
    static List<String> requested(String value, List<String> schemaOrder) {
        if (value == null) {
            return schemaOrder;
        }
        List<String> named = Arrays.asList(value.split(","));
        return schemaOrder.stream().filter(named::contains).toList();
    }

    private static Map<String, Object> values(Asset asset) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", asset.id());
        values.put("uuid", asset.uuid().toString());
        values.put("name", asset.name());
        values.put("description", asset.description());
        values.put("asset_type", asset.type());
        values.put("mime_type", asset.mimeType());
        values.put("url", url(asset));
        values.put("tags", asset.tags());
        values.put("owner_id", asset.ownerId());
        values.put("created_at", MICROS.format(asset.createdAt()));
        values.put("updated_at", MICROS.format(asset.updatedAt()));
        return values;
    }

    private static String url(Asset asset) {
        return "https://cdn.example.com/" + asset.uuid() + ".png";
    }

    private static Map<String, Object> slim(Asset asset) {
        Map<String, Object> slim = new LinkedHashMap<>();
        slim.put("id", asset.id());
        slim.put("uuid", asset.uuid().toString());
        slim.put("name", asset.name());
        slim.put("asset_type", asset.type());
        slim.put("url", url(asset));
        return slim;
    }

    private static Map<String, Object> slim(Coll collection) {
        Map<String, Object> slim = new LinkedHashMap<>();
        slim.put("id", collection.id());
        slim.put("uuid", collection.uuid().toString());
        slim.put("name", collection.name());
        slim.put("collection_type", collection.type());
        return slim;
    }

    private static Map<String, Object> narrow(Map<String, Object> item, List<String> keys) {
        Map<String, Object> narrowed = new LinkedHashMap<>();
        keys.forEach(key -> narrowed.put(key, item.get(key)));
        return narrowed;
    }

    private static List<Object> list(JsonNode array) {
        assertThat(array.isArray()).as("an array: %s", array).isTrue();
        return array.values().stream().map(AssetItems::plain).toList();
    }

    /** JSON as plain Java values (long, String, null, List, Map), to compare with the model. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isArray()) {
            return node.values().stream().map(AssetItems::plain).toList();
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        return node.toString();
    }
}
