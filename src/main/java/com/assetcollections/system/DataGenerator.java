package com.assetcollections.system;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.SHARES;

import com.assetcollections.assets.AssetTable;
import com.assetcollections.assets.AssetTags;
import com.assetcollections.collections.CollectionTable;
import com.assetcollections.query.TextFolding;
import com.assetcollections.storage.BulkInsert;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.users.UserTable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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
 *
 * <p>Names come from word lists, so a common word ("paintings") is in a few % of the names and a
 * rare one ("zeppelin", in about 1 of 100,000 descriptions) in a handful of rows. Rows get explicit
 * ids (after the largest existing one) and are written in batches by a {@link BulkInsert}; a
 * collection's memberships and shares are written right after its batch, so nothing large is
 * kept in memory. Meant for a database nobody else writes to while it runs.
 */
public final class DataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);

    static final String[] ADJECTIVES = {
        "Summer",
        "Winter",
        "Autumn",
        "Spring",
        "Client",
        "Brand",
        "Archive",
        "Campaign",
        "Product",
        "Team",
        "Social",
        "Print",
        "Legacy",
        "Seasonal",
        "Festival",
        "Studio",
        "Heritage",
        "Urban",
        "Coastal",
        "Mountain",
        "Vintage",
        "Modern",
        "Abstract",
        "Corporate",
        "Holiday",
        "Launch"
    };
    static final String[] NOUNS = {
        "paintings",
        "photos",
        "logos",
        "videos",
        "banners",
        "sketches",
        "portraits",
        "landscapes",
        "icons",
        "brochures",
        "posters",
        "recordings",
        "interviews",
        "mockups",
        "illustrations",
        "renders",
        "presentations",
        "reports",
        "screenshots",
        "textures",
        "fonts",
        "animations",
        "podcasts",
        "storyboards",
        "catalogues",
        "maps",
        "diagrams",
        "ads"
    };
    static final String[] RARE_WORDS = {
        "zeppelin",
        "quokka",
        "origami",
        "narwhal",
        "bonsai",
        "kaleidoscope",
        "marzipan",
        "tundra",
        "gondola",
        "saxophone",
        "lighthouse",
        "armadillo",
        "chandelier",
        "glacier",
        "harpsichord",
        "igloo",
        "jellyfish",
        "kimono",
        "labyrinth",
        "meteorite"
    };
    static final String[] DESCRIPTIONS = {
        "Selected work for the %s team.",
        "Everything approved for %s use.",
        "Raw material and drafts, %s edition.",
        "A curated set of %s for review.",
        "Ärger-free assets for the %s pitch.",
        "Final exports for %s."
    };
    private static final double RARE_WORD_SHARE = 0.0002;
    private static final String[] FIRST_NAMES = {
        "Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy"
    };
    private static final String[][] TYPES = {
        {"image", "image/jpeg", "jpg"},
        {"image", "image/png", "png"},
        {"video", "video/mp4", "mp4"},
        {"audio", "audio/mpeg", "mp3"},
        {"document", "application/pdf", "pdf"},
        {"other", "application/zip", "zip"}
    };

    private static final List<Field<?>> USER_COLUMNS = List.of(
            UserTable.ID, UserTable.UUID_, UserTable.NAME, UserTable.EMAIL, UserTable.CREATED_AT, UserTable.UPDATED_AT);
    private static final List<Field<?>> ASSET_COLUMNS = List.of(
            AssetTable.ID,
            AssetTable.UUID_,
            AssetTable.OWNER_ID,
            AssetTable.NAME,
            AssetTable.NAME_FOLDED,
            AssetTable.DESCRIPTION,
            AssetTable.DESCRIPTION_FOLDED,
            AssetTable.ASSET_TYPE,
            AssetTable.MIME_TYPE,
            AssetTable.URL,
            AssetTable.TAGS,
            AssetTable.TAGS_FOLDED,
            AssetTable.CREATED_AT,
            AssetTable.UPDATED_AT);
    private static final List<Field<?>> COLLECTION_COLUMNS = List.of(
            CollectionTable.ID,
            CollectionTable.UUID_,
            CollectionTable.OWNER_ID,
            CollectionTable.NAME,
            CollectionTable.NAME_FOLDED,
            CollectionTable.DESCRIPTION,
            CollectionTable.DESCRIPTION_FOLDED,
            CollectionTable.COLLECTION_TYPE,
            CollectionTable.CREATED_AT,
            CollectionTable.UPDATED_AT);
    private static final List<Field<?>> MEMBER_COLUMNS = List.of(
            CollectionTable.MEMBER_COLLECTION_ID,
            CollectionTable.MEMBER_ASSET_ID,
            CollectionTable.MEMBER_POSITION,
            CollectionTable.MEMBER_ADDED_AT);
    private static final List<Field<?>> SHARE_COLUMNS = List.of(
            CollectionTable.SHARE_COLLECTION_ID,
            CollectionTable.SHARE_USER_ID,
            CollectionTable.SHARE_LEVEL,
            CollectionTable.SHARE_CREATED_AT);

    private final DSLContext db;
    private final BulkInsert writer;
    private final Random random;
    private final Instant epoch = SqlTypes.now().minus(Duration.ofDays(730));

    public DataGenerator(DSLContext db, long seed) {
        this.db = db;
        this.writer = BulkInsert.forDatabase(db);
        this.random = new Random(seed);
    }

    /** Plan of what to generate. */
    public record Plan(
            int users,
            int assets,
            int collections,
            int maxAssetsPerCollection,
            double publicShare,
            double sharedShare) {}

    /** Inserts the plan; {@code existingUserIds} become owners too (e.g. a demo user). Returns the new user ids. */
    public List<Long> generate(Plan plan, List<Long> existingUserIds) {
        List<Long> newUsers = insertUsers(plan.users());
        List<Long> owners = new ArrayList<>(existingUserIds);
        owners.addAll(newUsers);
        List<Long> assetIds = insertAssets(plan.assets(), owners);
        insertCollections(plan, owners, assetIds);
        return newUsers;
    }

    private List<Long> insertUsers(int count) {
        Batch users = new Batch(UserTable.USERS, USER_COLUMNS, true);
        long firstId = nextId(UserTable.USERS, UserTable.ID);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = firstId + i;
            Instant now = SqlTypes.now();
            String name = FIRST_NAMES[i % FIRST_NAMES.length]
                    + (i < FIRST_NAMES.length ? "" : " " + (i / FIRST_NAMES.length));
            String email = name.toLowerCase().replace(' ', '.') + "." + id + "@example.com";
            users.add(id, uuid(), name, email, now, now);
            ids.add(id);
        }
        users.flush();
        writer.advanceIds(UserTable.USERS, UserTable.ID);
        return ids;
    }

    private List<Long> insertAssets(int count, List<Long> owners) {
        Batch assets = new Batch(AssetTable.ASSETS, ASSET_COLUMNS, true);
        long firstId = nextId(AssetTable.ASSETS, AssetTable.ID);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] type = TYPES[random.nextInt(TYPES.length)];
            String name = pick(ADJECTIVES) + " " + pick(NOUNS).replaceAll("s$", "") + " " + (i + 1);
            String description = random.nextInt(4) == 0
                    ? null
                    : String.format(pick(DESCRIPTIONS), pick(ADJECTIVES).toLowerCase());
            Instant created = randomInstant();
            UUID uuid = uuid();
            List<String> tags = List.of(pick(NOUNS), pick(ADJECTIVES).toLowerCase());
            assets.add(
                    firstId + i,
                    uuid,
                    pick(owners),
                    name,
                    TextFolding.fold(name),
                    description,
                    TextFolding.fold(description),
                    type[0],
                    type[1],
                    "https://cdn.example.com/assets/" + uuid + "." + type[2],
                    AssetTags.json(tags),
                    AssetTags.folded(tags),
                    created,
                    later(created));
            ids.add(firstId + i);
        }
        assets.flush();
        writer.advanceIds(AssetTable.ASSETS, AssetTable.ID);
        return ids;
    }

    private void insertCollections(Plan plan, List<Long> owners, List<Long> assetIds) {
        Batch collections = new Batch(COLLECTIONS, COLLECTION_COLUMNS, false);
        Batch members = new Batch(MEMBERS, MEMBER_COLUMNS, false);
        Batch shares = new Batch(SHARES, SHARE_COLUMNS, false);
        long firstId = nextId(COLLECTIONS, CollectionTable.ID);
        Instant now = SqlTypes.now();
        for (int i = 0; i < plan.collections(); i++) {
            long id = firstId + i;
            long owner = pick(owners);
            boolean publicOne = random.nextDouble() < plan.publicShare();
            String name = pick(ADJECTIVES) + " " + pick(NOUNS)
                    + (random.nextInt(3) == 0 ? " " + (2015 + random.nextInt(11)) : "");
            String description = description();
            Instant created = randomInstant();
            collections.add(
                    id,
                    uuid(),
                    owner,
                    name,
                    TextFolding.fold(name),
                    description,
                    TextFolding.fold(description),
                    publicOne ? "public" : "private",
                    created,
                    later(created));
            addMembers(members, id, plan.maxAssetsPerCollection(), assetIds, now);
            if (!publicOne && random.nextDouble() < plan.sharedShare()) {
                addShares(shares, id, owner, owners, now);
            }
            if (collections.isFull()) {
                collections.flush();
                members.flush();
                shares.flush();
                log.info("generated {} collections", i + 1);
            }
        }
        collections.flush();
        members.flush();
        shares.flush();
        writer.advanceIds(COLLECTIONS, CollectionTable.ID);
    }

    private String description() {
        if (random.nextInt(5) == 0) {
            return null;
        }
        String description = String.format(pick(DESCRIPTIONS), pick(ADJECTIVES).toLowerCase());
        return random.nextDouble() < RARE_WORD_SHARE
                ? description + " Featuring a " + pick(RARE_WORDS) + "."
                : description;
    }

    private void addMembers(Batch members, long collectionId, int maxAssets, List<Long> assetIds, Instant now) {
        int size = assetIds.isEmpty() ? 0 : Math.min(random.nextInt(maxAssets + 1), assetIds.size());
        Set<Long> chosen = new LinkedHashSet<>();
        while (chosen.size() < size) {
            chosen.add(pick(assetIds));
        }
        int position = 1;
        for (long assetId : chosen) {
            members.add(collectionId, assetId, position++, now);
        }
    }

    /** Shares a private collection with one to three users other than its owner. */
    private void addShares(Batch shares, long collectionId, long owner, List<Long> users, Instant now) {
        Set<Long> with = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        for (int s = 0; s < count; s++) {
            long user = pick(users);
            if (user != owner) {
                with.add(user);
            }
        }
        for (long userId : with) {
            shares.add(collectionId, userId, random.nextInt(4) == 0 ? "edit" : "view", now);
        }
    }

    private long nextId(Table<?> table, Field<Long> id) {
        Long max = db.select(DSL.max(id)).from(table).fetchOne().value1();
        return max == null ? 1 : max + 1;
    }

    /** A version 4 (random) UUID of RFC 9562, as the API makes, but from the seeded Random. */
    private UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
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

    /**
     * Rows of one table buffered until the writer's batch size. Collections and the rows that
     * reference them are flushed together by the caller, parents first; others flush when full.
     */
    private final class Batch {

        private final Table<?> table;
        private final List<Field<?>> columns;
        private final boolean flushWhenFull;
        private final List<List<Object>> rows = new ArrayList<>();

        Batch(Table<?> table, List<Field<?>> columns, boolean flushWhenFull) {
            this.table = table;
            this.columns = columns;
            this.flushWhenFull = flushWhenFull;
        }

        void add(Object... values) {
            rows.add(Arrays.asList(values));
            if (flushWhenFull && isFull()) {
                flush();
            }
        }

        boolean isFull() {
            return rows.size() >= writer.batchSize();
        }

        void flush() {
            if (!rows.isEmpty()) {
                writer.write(table, columns, rows);
                rows.clear();
            }
        }
    }
}
