package com.assetcollections.system;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.SHARES;

import com.assetcollections.assets.AssetTable;
import com.assetcollections.collections.CollectionTable;
import com.assetcollections.query.TextFolding;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.users.UserTable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates realistic, reproducible data (a seeded Random): users, assets, collections (public,
 * private and shared) and memberships. Used for the demo data set and for benchmark data.
 */
public final class DataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);
    private static final int BATCH = 500;

    static final String[] ADJECTIVES = {"Summer", "Winter", "Autumn", "Spring", "Client", "Brand", "Archive",
        "Campaign", "Product", "Team", "Social", "Print", "Legacy", "Seasonal", "Festival", "Studio", "Heritage",
        "Urban", "Coastal", "Mountain", "Vintage", "Modern", "Abstract", "Corporate", "Holiday", "Launch"};
    static final String[] NOUNS = {"paintings", "photos", "logos", "videos", "banners", "sketches", "portraits",
        "landscapes", "icons", "brochures", "posters", "recordings", "interviews", "mockups", "illustrations",
        "renders", "presentations", "reports", "screenshots", "textures", "fonts", "animations", "podcasts",
        "storyboards", "catalogues", "maps", "diagrams", "ads"};
    static final String[] DESCRIPTIONS = {"Selected work for the %s team.", "Everything approved for %s use.",
        "Raw material and drafts, %s edition.", "A curated set of %s for review.",
        "Ärger-free assets for the %s pitch.", "Final exports for %s."};
    private static final String[][] TYPES = {{"image", "image/jpeg", "jpg"}, {"image", "image/png", "png"},
        {"video", "video/mp4", "mp4"}, {"audio", "audio/mpeg", "mp3"}, {"document", "application/pdf", "pdf"},
        {"other", "application/zip", "zip"}};

    private final DSLContext db;
    private final Random random;
    private final Instant epoch = SqlTypes.now().minus(Duration.ofDays(730));

    public DataGenerator(DSLContext db, long seed) {
        this.db = db;
        this.random = new Random(seed);
    }

    /** Plan of what to generate. */
    public record Plan(int users, int assets, int collections, int maxAssetsPerCollection, double publicShare,
            double sharedShare) {
    }

    /** Inserts the plan; {@code existingUserIds} become owners too (e.g. a demo user). Returns the new user ids. */
    public List<Long> generate(Plan plan, List<Long> existingUserIds) {
        List<Long> userIds = new ArrayList<>(existingUserIds);
        userIds.addAll(insertUsers(plan.users()));
        List<Long> assetIds = insertAssets(plan.assets(), userIds);
        insertCollections(plan, userIds, assetIds);
        return userIds.subList(existingUserIds.size(), userIds.size());
    }

    private List<Long> insertUsers(int count) {
        List<Long> ids = new ArrayList<>();
        String[] first = {"Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy"};
        for (int i = 0; i < count; i++) {
            Instant now = SqlTypes.now();
            String name = first[i % first.length] + (i < first.length ? "" : " " + (i / first.length));
            String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8)
                    + "@example.com";
            ids.add(db.insertInto(UserTable.USERS)
                    .set(UserTable.UUID_, new UUID(random.nextLong(), random.nextLong()))
                    .set(UserTable.NAME, name)
                    .set(UserTable.EMAIL, email)
                    .set(UserTable.CREATED_AT, now)
                    .set(UserTable.UPDATED_AT, now)
                    .returningResult(UserTable.ID).fetchOne().value1());
        }
        return ids;
    }

    private List<Long> insertAssets(int count, List<Long> owners) {
        List<Field<?>> columns = List.of(AssetTable.UUID_, AssetTable.OWNER_ID, AssetTable.NAME, AssetTable.NAME_FOLDED,
                AssetTable.DESCRIPTION, AssetTable.DESCRIPTION_FOLDED, AssetTable.ASSET_TYPE, AssetTable.MIME_TYPE,
                AssetTable.URL, AssetTable.TAGS, AssetTable.CREATED_AT, AssetTable.UPDATED_AT);
        List<List<Object>> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] type = TYPES[random.nextInt(TYPES.length)];
            String name = pick(ADJECTIVES) + " " + pick(NOUNS).replaceAll("s$", "") + " " + (i + 1);
            String description = random.nextInt(4) == 0 ? null : String.format(pick(DESCRIPTIONS), pick(ADJECTIVES).toLowerCase());
            Instant created = randomInstant();
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            rows.add(Arrays.asList(uuid, pick(owners), name, TextFolding.fold(name), description,
                    TextFolding.fold(description), type[0], type[1],
                    "https://cdn.example.com/assets/" + uuid + "." + type[2],
                    "[\"" + pick(NOUNS) + "\",\"" + pick(ADJECTIVES).toLowerCase() + "\"]", created, later(created)));
            ids.addAll(flushIfFull(AssetTable.ASSETS, AssetTable.UUID_, AssetTable.ID, columns, rows, false));
        }
        ids.addAll(flushIfFull(AssetTable.ASSETS, AssetTable.UUID_, AssetTable.ID, columns, rows, true));
        return ids;
    }

    private void insertCollections(Plan plan, List<Long> owners, List<Long> assetIds) {
        List<Field<?>> columns = List.of(CollectionTable.UUID_, CollectionTable.OWNER_ID, CollectionTable.NAME,
                CollectionTable.NAME_FOLDED, CollectionTable.DESCRIPTION, CollectionTable.DESCRIPTION_FOLDED,
                CollectionTable.COLLECTION_TYPE, CollectionTable.CREATED_AT, CollectionTable.UPDATED_AT);
        List<List<Object>> rows = new ArrayList<>();
        List<Boolean> isPrivate = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < plan.collections(); i++) {
            boolean publicOne = random.nextDouble() < plan.publicShare();
            String name = pick(ADJECTIVES) + " " + pick(NOUNS) + (random.nextInt(3) == 0 ? " " + (2015 + random.nextInt(11)) : "");
            String description = random.nextInt(5) == 0 ? null : String.format(pick(DESCRIPTIONS), pick(ADJECTIVES).toLowerCase());
            Instant created = randomInstant();
            rows.add(Arrays.asList(new UUID(random.nextLong(), random.nextLong()), pick(owners), name,
                    TextFolding.fold(name), description, TextFolding.fold(description), publicOne ? "public" : "private",
                    created, later(created)));
            isPrivate.add(!publicOne);
            ids.addAll(flushIfFull(COLLECTIONS, CollectionTable.UUID_, CollectionTable.ID, columns, rows, false));
        }
        ids.addAll(flushIfFull(COLLECTIONS, CollectionTable.UUID_, CollectionTable.ID, columns, rows, true));
        insertMembersAndShares(plan, owners, ids, assetIds, isPrivate);
    }

    private void insertMembersAndShares(Plan plan, List<Long> users, List<Long> collectionIds, List<Long> assetIds,
            List<Boolean> isPrivate) {
        List<Field<?>> memberColumns = List.of(CollectionTable.MEMBER_COLLECTION_ID, CollectionTable.MEMBER_ASSET_ID,
                CollectionTable.MEMBER_POSITION, CollectionTable.MEMBER_ADDED_AT);
        List<Field<?>> shareColumns = List.of(CollectionTable.SHARE_COLLECTION_ID, CollectionTable.SHARE_USER_ID,
                CollectionTable.SHARE_LEVEL, CollectionTable.SHARE_CREATED_AT);
        List<List<Object>> members = new ArrayList<>();
        List<List<Object>> shares = new ArrayList<>();
        Instant now = SqlTypes.now();
        for (int i = 0; i < isPrivate.size(); i++) {
            long collectionId = collectionIds.get(i);
            int size = assetIds.isEmpty() ? 0 : random.nextInt(plan.maxAssetsPerCollection() + 1);
            Set<Long> chosen = new LinkedHashSet<>();
            while (chosen.size() < Math.min(size, assetIds.size())) {
                chosen.add(pick(assetIds));
            }
            int position = 1;
            for (long assetId : chosen) {
                members.add(List.of(collectionId, assetId, position++, now));
                flushIfFull(MEMBERS, null, null, memberColumns, members, false);
            }
            if (isPrivate.get(i) && random.nextDouble() < plan.sharedShare()) {
                Set<Long> with = new LinkedHashSet<>();
                int count = 1 + random.nextInt(3);
                for (int s = 0; s < count; s++) {
                    with.add(pick(users));
                }
                for (long userId : with) {
                    shares.add(List.of(collectionId, userId, random.nextInt(4) == 0 ? "edit" : "view", now));
                }
                flushIfFull(SHARES, null, null, shareColumns, shares, false);
            }
        }
        flushIfFull(MEMBERS, null, null, memberColumns, members, true);
        flushIfFull(SHARES, null, null, shareColumns, shares, true);
        // Owners do not need a share with themselves; generated ones are removed.
        db.deleteFrom(SHARES).where(DSL.exists(DSL.selectOne().from(COLLECTIONS).where(
                CollectionTable.ID.eq(CollectionTable.SHARE_COLLECTION_ID)
                        .and(CollectionTable.OWNER_ID.eq(CollectionTable.SHARE_USER_ID))))).execute();
    }

    /**
     * Inserts the buffered rows once a batch is full (or when forced). With {@code uuid} given (the
     * rows' first column), returns the generated ids in row order.
     */
    private List<Long> flushIfFull(Table<?> table, Field<UUID> uuid, Field<Long> id, List<Field<?>> columns,
            List<List<Object>> rows, boolean force) {
        if (rows.isEmpty() || (!force && rows.size() < BATCH)) {
            return List.of();
        }
        var insert = db.insertInto(table, columns);
        for (List<Object> row : rows) {
            insert = insert.values(row);
        }
        insert.execute();
        List<Long> ids = List.of();
        if (uuid != null) {
            List<UUID> uuids = rows.stream().map(row -> (UUID) row.get(0)).toList();
            Map<UUID, Long> byUuid = db.select(uuid, id).from(table).where(uuid.in(uuids)).fetchMap(uuid, id);
            ids = uuids.stream().map(byUuid::get).toList();
        }
        rows.clear();
        return ids;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private Instant randomInstant() {
        return epoch.plus(random.nextLong(Duration.ofDays(700).toSeconds() * 1_000_000L), ChronoUnit.MICROS);
    }

    private Instant later(Instant created) {
        return created.plus(random.nextLong(Duration.ofDays(30).toSeconds() * 1_000_000L), ChronoUnit.MICROS);
    }

    static void progress(String what, long done) {
        log.info("generated {} {}", done, what);
    }
}
