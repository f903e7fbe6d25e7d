package com.assetcollections.collections;

import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Generated users, assets, collections (public and private, names and descriptions from a small
 * vocabulary so that filters and searches hit), shares at the `view` and `edit` levels and
 * memberships, written by a {@link WorldWriter} (through the write API, or straight into the
 * database with {@link Fixtures}), together with the model of who may see and change what. Public
 * for the assets property tests, which run over the same worlds.
 */
public final class VisibilityWorld {

    public static final List<String> WORDS = List.of(
            "Summer",
            "paintings",
            "painting",
            "Brand",
            "assets",
            "Client",
            "Ärger",
            "logo",
            "Face",
            "Facebook",
            "Messenger",
            "archive",
            "Draft",
            "ocean",
            "Ocean's",
            "50%_off");
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    /** Media types by asset type; one has capitals, as some registered types do. */
    static final Map<String, List<String>> MIME_TYPES = Map.of(
            "image", List.of("image/png", "image/jpeg", "image/svg+xml"),
            "video", List.of("video/mp4", "video/quicktime"),
            "audio", List.of("audio/mpeg"),
            "document", List.of("application/pdf", "application/vnd.ms-excel.sheet.macroEnabled.12", "text/plain"),
            "other", List.of("application/octet-stream", "application/x-tar", "application/xml"));

    public record Person(User user, String token) {
        public long id() {
            return user.id();
        }
    }

    /** An asset as written, every field of its response schema. */
    public record Asset(
            long id,
            UUID uuid,
            long ownerId,
            String name,
            String description,
            String type,
            String mimeType,
            List<String> tags,
            Instant createdAt,
            Instant updatedAt) {}

    /** A member asset at a generated position (positions tie; ties order by asset id). */
    record Member(long assetId, int position) {}

    /** What a user may do to a collection: the rules every write is checked against. */
    public enum Access {
        /** Everything: change, change the type, share, delete. */
        OWNER,
        /** Name, description and membership (a share at the `edit` level). */
        EDIT,
        /** Read only (a share at the `view` level, or a public collection). */
        VIEW,
        /** Not even read: the collection answers 404 like a missing one. */
        NONE
    }

    /**
     * A collection as written; {@code shares} maps the users it is shared with to their level
     * ({@code view} or {@code edit}), {@code assetIds} are its members in collection order.
     */
    public record Coll(
            long id,
            UUID uuid,
            long ownerId,
            String name,
            String description,
            boolean isPublic,
            Instant createdAt,
            Instant updatedAt,
            Map<Long, String> shares,
            List<Long> assetIds) {

        public Coll {
            shares = Map.copyOf(shares);
            assetIds = List.copyOf(assetIds);
        }

        public boolean visibleTo(long userId) {
            return access(userId) != Access.NONE;
        }

        public Access access(long userId) {
            if (ownerId == userId) {
                return Access.OWNER;
            }
            String level = shares.get(userId);
            if (level != null) {
                return level.equals("edit") ? Access.EDIT : Access.VIEW;
            }
            return isPublic ? Access.VIEW : Access.NONE;
        }

        public Set<Long> sharedWith() {
            return shares.keySet();
        }

        public String type() {
            return isPublic ? "public" : "private";
        }

        Coll withName(String value) {
            return new Coll(id, uuid, ownerId, value, description, isPublic, createdAt, updatedAt, shares, assetIds);
        }

        Coll withDescription(String value) {
            return new Coll(id, uuid, ownerId, name, value, isPublic, createdAt, updatedAt, shares, assetIds);
        }

        Coll withPublic(boolean value) {
            return new Coll(id, uuid, ownerId, name, description, value, createdAt, updatedAt, shares, assetIds);
        }

        Coll withShares(Map<Long, String> value) {
            return new Coll(id, uuid, ownerId, name, description, isPublic, createdAt, updatedAt, value, assetIds);
        }

        Coll withAssetIds(List<Long> ids) {
            return new Coll(id, uuid, ownerId, name, description, isPublic, createdAt, updatedAt, shares, ids);
        }

        Coll withUpdatedAt(Instant value) {
            return new Coll(id, uuid, ownerId, name, description, isPublic, createdAt, value, shares, assetIds);
        }
    }

    public final List<Person> people;
    public final List<Coll> collections;
    /** In id order. */
    public final List<Asset> assets;

    private VisibilityWorld(List<Person> people, List<Coll> collections, List<Asset> assets) {
        this.people = List.copyOf(people);
        this.collections = List.copyOf(collections);
        this.assets = List.copyOf(assets);
    }

    /** A world written straight into the database, in the generated timestamps and uuids. */
    public static VisibilityWorld generate(Random random, Fixtures fixtures) {
        return generate(random, fixtures, false);
    }

    /**
     * @param withLargeCollection also one collection of more assets than an {@code include=assets}
     *     embeds (more than 100), at positions with ties
     */
    public static VisibilityWorld generate(Random random, Fixtures fixtures, boolean withLargeCollection) {
        return generate(random, new DirectWorldWriter(fixtures), withLargeCollection);
    }

    /** A world written by {@code writer}; the model holds what it wrote (ids, and whatever else it chose). */
    static VisibilityWorld generate(Random random, WorldWriter writer, boolean withLargeCollection) {
        List<Person> people = new ArrayList<>();
        int userCount = 2 + random.nextInt(4);
        for (int i = 0; i < userCount; i++) {
            people.add(writer.person("User " + phrase(random, 1)));
        }
        List<Asset> assets = new ArrayList<>();
        for (int i = 0, n = 2 + random.nextInt(6); i < n; i++) {
            assets.add(writer.asset(asset(random, people)));
        }
        List<Coll> collections = new ArrayList<>();
        for (int i = 0, n = 5 + random.nextInt(18); i < n; i++) {
            collections.add(collection(random, writer, people, assets, 30, 4));
        }
        if (withLargeCollection) {
            List<Asset> many = new ArrayList<>();
            for (int i = 0, n = 101 + random.nextInt(30); i < n; i++) {
                many.add(writer.asset(asset(random, people)));
            }
            assets.addAll(many);
            collections.add(collection(random, writer, people, many, 100, 60));
        }
        return new VisibilityWorld(people, collections, assets);
    }

    /** An asset to write (its id still 0). */
    private static Asset asset(Random random, List<Person> people) {
        Person owner = pick(random, people);
        String name = phrase(random, 1 + random.nextInt(3));
        String description = random.nextInt(100) < 30 ? null : phrase(random, 1 + random.nextInt(4));
        String type = pick(random, List.of("image", "video", "audio", "document", "other"));
        String mimeType = pick(random, MIME_TYPES.get(type));
        List<String> tags = new ArrayList<>();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            tags.add(pick(random, WORDS));
        }
        Instant created = instant(random);
        Instant updated = random.nextInt(100) < 20 ? created : later(random, created);
        UUID uuid = new UUID(random.nextLong(), random.nextLong());
        return new Asset(0, uuid, owner.id(), name, description, type, mimeType, tags, created, updated);
    }

    private static Instant instant(Random random) {
        return EPOCH.plus(random.nextInt(400 * 24 * 60), ChronoUnit.MINUTES)
                .plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
    }

    private static Instant later(Random random, Instant than) {
        return than.plus(random.nextInt(200 * 24 * 60), ChronoUnit.MINUTES)
                .plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
    }

    /**
     * @param memberChance percent chance of each asset to be a member
     * @param positions    positions are drawn below this, so that some tie (ties order by asset id)
     */
    private static Coll collection(
            Random random,
            WorldWriter writer,
            List<Person> people,
            List<Asset> assets,
            int memberChance,
            int positions) {
        Person owner = pick(random, people);
        boolean isPublic = random.nextInt(100) < 35;
        String name = phrase(random, 1 + random.nextInt(3));
        String description = random.nextInt(100) < 30 ? null : phrase(random, 1 + random.nextInt(4));
        Instant created = instant(random);
        // a few collections share one instant, so that ties are broken by id
        Instant updated = random.nextInt(100) < 20 ? created : later(random, created);
        UUID uuid = new UUID(random.nextLong(), random.nextLong());
        Map<Long, String> shares = new LinkedHashMap<>();
        for (Person person : people) {
            // sometimes even with the owner or on a public collection: harmless, and filters must cope
            int chance = person == owner ? 5 : isPublic ? 10 : 30;
            if (random.nextInt(100) < chance) {
                shares.put(person.id(), random.nextBoolean() ? "edit" : "view");
            }
        }
        List<Member> members = new ArrayList<>();
        for (Asset asset : assets) {
            if (random.nextInt(100) < memberChance) {
                members.add(new Member(asset.id(), random.nextInt(positions)));
            }
        }
        members.sort(Comparator.comparingInt(Member::position).thenComparingLong(Member::assetId));
        Coll planned = new Coll(
                0,
                uuid,
                owner.id(),
                name,
                description,
                isPublic,
                created,
                updated,
                shares,
                members.stream().map(Member::assetId).toList());
        return writer.collection(planned, members);
    }

    /**
     * Writes a few changes straight into the database, as a writer outside the application would
     * — a share removed, a share added, a collection made public or private, a collection deleted —
     * and returns the world after them.
     */
    public VisibilityWorld change(Random random, DSLContext db, Fixtures fixtures) {
        List<Coll> after = new ArrayList<>(collections);
        List<Coll> shared =
                after.stream().filter(c -> !c.sharedWith().isEmpty()).toList();
        if (!shared.isEmpty()) {
            Coll from = pick(random, shared);
            Long user = pick(random, List.copyOf(from.sharedWith()));
            db.deleteFrom(CollectionTable.SHARES)
                    .where(CollectionTable.SHARE_COLLECTION_ID
                            .eq(from.id())
                            .and(CollectionTable.SHARE_USER_ID.eq(user)))
                    .execute();
            Map<Long, String> kept = new LinkedHashMap<>(from.shares());
            kept.remove(user);
            after.set(after.indexOf(from), from.withShares(kept));
        }
        Coll to = pick(random, after);
        Person with = pick(random, people);
        if (!to.sharedWith().contains(with.id())) {
            fixtures.share(to.id(), with.user());
            Map<Long, String> grown = new LinkedHashMap<>(to.shares());
            grown.put(with.id(), "view");
            after.set(after.indexOf(to), to.withShares(grown));
        }
        Coll flipped = pick(random, after);
        db.update(CollectionTable.COLLECTIONS)
                .set(CollectionTable.COLLECTION_TYPE, flipped.isPublic() ? "private" : "public")
                .where(CollectionTable.ID.eq(flipped.id()))
                .execute();
        after.set(after.indexOf(flipped), flipped.withPublic(!flipped.isPublic()));
        if (after.size() > 1 && random.nextBoolean()) {
            Coll deleted = pick(random, after);
            db.deleteFrom(CollectionTable.COLLECTIONS)
                    .where(CollectionTable.ID.eq(deleted.id()))
                    .execute();
            after.remove(deleted);
        }
        return new VisibilityWorld(people, after, assets);
    }

    /**
     * Takes one asset out of a collection and adds one to the end of another, and returns the
     * world after them.
     */
    public VisibilityWorld changeMembers(Random random, DSLContext db, Fixtures fixtures) {
        List<Coll> after = new ArrayList<>(collections);
        List<Coll> filled = after.stream().filter(c -> !c.assetIds().isEmpty()).toList();
        if (!filled.isEmpty()) {
            Coll from = pick(random, filled);
            Long removed = pick(random, from.assetIds());
            db.deleteFrom(CollectionTable.MEMBERS)
                    .where(CollectionTable.MEMBER_COLLECTION_ID
                            .eq(from.id())
                            .and(CollectionTable.MEMBER_ASSET_ID.eq(removed)))
                    .execute();
            List<Long> kept = new ArrayList<>(from.assetIds());
            kept.remove(removed);
            after.set(after.indexOf(from), from.withAssetIds(kept));
        }
        Coll to = pick(random, after);
        Asset added = pick(random, assets);
        if (!to.assetIds().contains(added.id())) {
            // generated positions are below 100, so this one comes last
            fixtures.member(to.id(), added.id(), 1000 + to.assetIds().size());
            List<Long> grown = new ArrayList<>(to.assetIds());
            grown.add(added.id());
            after.set(after.indexOf(to), to.withAssetIds(grown));
        }
        return new VisibilityWorld(people, after, assets);
    }

    /** The world after a write that changed {@code changed} (found by its id). */
    VisibilityWorld replacing(Coll changed) {
        return new VisibilityWorld(
                people,
                collections.stream()
                        .map(c -> c.id() == changed.id() ? changed : c)
                        .toList(),
                assets);
    }

    /** The world after the collection was deleted. */
    VisibilityWorld without(long collectionId) {
        return new VisibilityWorld(
                people, collections.stream().filter(c -> c.id() != collectionId).toList(), assets);
    }

    public Person person(long userId) {
        return people.stream().filter(p -> p.id() == userId).findFirst().orElseThrow();
    }

    public List<Coll> visibleTo(long userId) {
        return collections.stream().filter(c -> c.visibleTo(userId)).toList();
    }

    public Coll byId(long id) {
        return collections.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    public Asset assetById(long id) {
        return assets.stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** The collections holding the asset that the user may see, by id. */
    public List<Coll> visibleHolding(long assetId, long userId) {
        return collections.stream()
                .filter(c -> c.assetIds().contains(assetId) && c.visibleTo(userId))
                .sorted(Comparator.comparingLong(Coll::id))
                .toList();
    }

    /** An id no collection (nor asset) has. */
    public long unusedId() {
        long collections = this.collections.stream().mapToLong(Coll::id).max().orElse(0);
        long assets = this.assets.stream().mapToLong(Asset::id).max().orElse(0);
        return Math.max(collections, assets) + 1_000_000;
    }

    public String nameOf(long userId) {
        return person(userId).user().name();
    }

    public static String phrase(Random random, int words) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            chosen.add(pick(random, WORDS));
        }
        return String.join(" ", chosen);
    }

    /** One or two words of the vocabulary, sometimes with search syntax (or, -, a phrase). */
    public static String searchText(Random random) {
        String word = pick(random, WORDS);
        String other = pick(random, WORDS);
        return switch (random.nextInt(5)) {
            case 0 -> word + " " + other;
            case 1 -> word + " or " + other;
            case 2 -> word + " -" + other;
            case 3 -> "\"" + word + " " + other + "\"";
            default -> random.nextBoolean() ? word.toLowerCase() : word;
        };
    }

    public static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
