package com.assetcollections.assets;

import static com.assetcollections.collections.VisibilityWorld.pick;
import static com.assetcollections.support.RandomValues.fragment;

import com.assetcollections.collections.VisibilityWorld;
import com.assetcollections.collections.VisibilityWorld.Asset;
import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.support.RandomListQuery;
import com.assetcollections.support.RandomValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * A random request of the assets query language over a {@link VisibilityWorld} — every filter and
 * operator, {@code filter[collection]}, sort, search — and, computed in Java, which assets it must
 * return for a caller and in which order: from the catalogue, or from one collection's contents.
 * Also random sparse fields and includes to put on top, and search texts.
 */
final class RandomAssetQuery extends RandomListQuery<Asset> {

    static final List<String> SORTABLE =
            List.of("id", "uuid", "name", "asset_type", "mime_type", "owner_id", "created_at", "updated_at");
    static final List<String> FIELDS = List.of(
            "id",
            "uuid",
            "name",
            "description",
            "asset_type",
            "mime_type",
            "url",
            "tags",
            "owner_id",
            "created_at",
            "updated_at");
    private static final List<String> TYPES = List.of("image", "video", "audio", "document", "other");

    private final VisibilityWorld world;
    private final long callerId;

    private RandomAssetQuery(VisibilityWorld world, long callerId) {
        super(Asset::id);
        this.world = world;
        this.callerId = callerId;
    }

    /** Filters, sort and search only (paging, fields and includes are the caller's to add). */
    static RandomAssetQuery generate(
            Random random, VisibilityWorld world, long callerId, Map<String, Set<Long>> searchHits) {
        RandomAssetQuery query = new RandomAssetQuery(world, callerId);
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            query.randomFilter(random);
        }
        query.randomSort(random, SORTABLE);
        query.randomSearch(random, searchHits, 25);
        return query;
    }

    /** What {@code GET /api/v2/assets} must return, in order (unless {@link #ranked()}). */
    List<Asset> expected() {
        return matching(world.assets);
    }

    /**
     * What {@code GET /api/v2/collections/{id}/assets} must return, in order (unless ranked): the
     * collection's own order (position, then id) when no sort is given.
     */
    List<Asset> expectedIn(Coll collection) {
        List<Asset> members = collection.assetIds().stream()
                .map(world::assetById)
                .filter(this::matches)
                .toList();
        return sorted() ? members.stream().sorted(order()).toList() : members;
    }

    /** Random sparse fields and includes, with sparse fields for the included types. */
    static void decorate(Random random, Map<String, String> params) {
        if (random.nextInt(100) < 30) {
            params.put("fields[assets]", randomFields(random, RandomAssetQuery.FIELDS, true));
        }
        if (random.nextInt(100) < 60) {
            String include = pick(random, List.of("collections", "owner", "collections,owner", "owner,collections"));
            params.put("include", include);
            if (include.contains("collections") && random.nextBoolean()) {
                params.put("fields[collections]", randomFields(random, AssetItems.SLIM_COLLECTION, false));
            }
            if (include.contains("owner") && random.nextBoolean()) {
                params.put("fields[users]", randomFields(random, AssetItems.SLIM_USER, false));
            }
        } else if (random.nextInt(100) < 20) {
            // sparse fields of a type that is not included narrow nothing and embed nothing
            params.put("fields[collections]", "id");
        }
    }

    /** Some of the fields (at least one, and {@code id} if asked), comma-separated in random order. */
    static String randomFields(Random random, List<String> fields, boolean withId) {
        List<String> chosen = new ArrayList<>(fields.stream()
                .filter(f -> random.nextBoolean() || (withId && f.equals("id")))
                .toList());
        if (chosen.isEmpty()) {
            chosen.add(pick(random, fields));
        }
        Collections.shuffle(chosen, random);
        return String.join(",", chosen);
    }

    private void randomFilter(Random random) {
        Asset some = pick(random, world.assets);
        long pivotUser = pick(random, world.people).id();
        switch (random.nextInt(16)) {
            case 0 -> identityFilter(random, some, world.assets, world.unusedId(), "uuid", Asset::uuid);
            case 1 -> sampleText(random, "name", some.name(), Asset::name);
            case 2 -> contains(random, "name", fragment(random, pick(random, VisibilityWorld.WORDS)), Asset::name);
            case 3 -> sampleText(random, "description", some.description(), Asset::description);
            case 4 -> {
                boolean isNull = random.nextBoolean();
                filter(
                        "filter[description][null]",
                        pick(random, isNull ? List.of("1", "true") : List.of("0", "false")),
                        a -> (a.description() == null) == isNull);
            }
            case 5 -> sampleText(random, "asset_type", pick(random, TYPES), Asset::type);
            case 6 -> sampleText(random, "mime_type", some.mimeType(), Asset::mimeType);
            case 7 ->
                contains(
                        random,
                        "tags",
                        fragment(random, pick(random, VisibilityWorld.WORDS)),
                        a -> String.join("\n", a.tags()));
            case 8, 9 -> ownerFilter(random, pivotUser, Asset::ownerId);
            case 10, 11, 12 -> timeFilter(random, some, Asset::createdAt, Asset::updatedAt);
            default -> collectionFilter(random);
        }
    }

    /** A collection the caller may see (or not), or one that does not exist. */
    private void collectionFilter(Random random) {
        if (random.nextInt(8) == 0) {
            filter("filter[collection]", Long.toString(world.unusedId()), a -> false);
            return;
        }
        Coll collection = pick(random, world.collections);
        boolean visible = collection.visibleTo(callerId);
        filter(
                "filter[collection]",
                Long.toString(collection.id()),
                a -> visible && collection.assetIds().contains(a.id()));
    }

    /** contains, eq or starts_with on a text field, with a value taken from {@code sample} (a row's value, or null). */
    private void sampleText(Random random, String field, String sample, Function<Asset, String> value) {
        text(random, field, sample == null ? pick(random, VisibilityWorld.WORDS) : sample, value);
    }

    @Override
    protected Comparator<Asset> key(String field) {
        return switch (field) {
            case "id" -> Comparator.comparingLong(Asset::id);
            case "uuid" -> Comparator.comparing(a -> a.uuid().toString());
            case "name" -> Comparator.comparing(Asset::name, RandomValues.NAME_ORDER);
            case "asset_type" -> Comparator.comparing(Asset::type);
            case "mime_type" -> Comparator.comparing(Asset::mimeType);
            case "owner_id" -> Comparator.comparingLong(Asset::ownerId);
            case "created_at" -> Comparator.comparing(Asset::createdAt);
            default -> Comparator.comparing(Asset::updatedAt);
        };
    }
}
