package com.assetcollections.collections;

import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Generated users, collections (public and private, names and descriptions from a small
 * vocabulary so that filters and searches hit), shares and memberships, written through
 * {@link Fixtures}, together with the model of who may see what.
 */
final class VisibilityWorld {

    static final List<String> WORDS = List.of(
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
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    record Person(User user, String token) {
        long id() {
            return user.id();
        }
    }

    /** A member asset in collection order. */
    record Member(long assetId, int position) {}

    record Coll(
            long id,
            UUID uuid,
            long ownerId,
            String name,
            String description,
            boolean isPublic,
            Instant createdAt,
            Instant updatedAt,
            Set<Long> sharedWith,
            List<Long> assetIds) {

        boolean visibleTo(long userId) {
            return isPublic || ownerId == userId || sharedWith.contains(userId);
        }

        String type() {
            return isPublic ? "public" : "private";
        }
    }

    final List<Person> people;
    final List<Coll> collections;

    private VisibilityWorld(List<Person> people, List<Coll> collections) {
        this.people = List.copyOf(people);
        this.collections = List.copyOf(collections);
    }

    static VisibilityWorld generate(Random random, Fixtures fixtures) {
        List<Person> people = new ArrayList<>();
        int userCount = 2 + random.nextInt(4);
        for (int i = 0; i < userCount; i++) {
            User user = fixtures.user("User " + phrase(random, 1));
            people.add(new Person(user, fixtures.token(user)));
        }
        List<Long> assets = new ArrayList<>();
        for (int i = 0, n = 2 + random.nextInt(6); i < n; i++) {
            assets.add(fixtures.asset(pick(random, people).user(), phrase(random, 2), "image"));
        }
        List<Coll> collections = new ArrayList<>();
        for (int i = 0, n = 5 + random.nextInt(18); i < n; i++) {
            collections.add(collection(random, fixtures, people, assets));
        }
        return new VisibilityWorld(people, collections);
    }

    private static Coll collection(Random random, Fixtures fixtures, List<Person> people, List<Long> assets) {
        Person owner = pick(random, people);
        boolean isPublic = random.nextInt(100) < 35;
        String name = phrase(random, 1 + random.nextInt(3));
        String description = random.nextInt(100) < 30 ? null : phrase(random, 1 + random.nextInt(4));
        Instant created = EPOCH.plus(random.nextInt(400 * 24 * 60), ChronoUnit.MINUTES)
                .plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
        // a few collections share one instant, so that ties are broken by id
        Instant updated = random.nextInt(100) < 20
                ? created
                : created.plus(random.nextInt(200 * 24 * 60), ChronoUnit.MINUTES)
                        .plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
        UUID uuid = new UUID(random.nextLong(), random.nextLong());
        Fixtures.CollectionBuilder builder = fixtures.collection(owner.user(), name)
                .description(description)
                .created(created)
                .updated(updated)
                .uuid(uuid);
        long id = (isPublic ? builder.publicOne() : builder).create();
        Set<Long> sharedWith = new LinkedHashSet<>();
        for (Person person : people) {
            // sometimes even with the owner or on a public collection: harmless, and filters must cope
            int chance = person == owner ? 5 : isPublic ? 10 : 30;
            if (random.nextInt(100) < chance) {
                fixtures.share(id, person.user());
                sharedWith.add(person.id());
            }
        }
        List<Member> members = new ArrayList<>();
        for (Long asset : assets) {
            if (random.nextInt(100) < 30) {
                int position = random.nextInt(4);
                fixtures.member(id, asset, position);
                members.add(new Member(asset, position));
            }
        }
        members.sort(Comparator.comparingInt(Member::position).thenComparingLong(Member::assetId));
        return new Coll(
                id,
                uuid,
                owner.id(),
                name,
                description,
                isPublic,
                created,
                updated,
                sharedWith,
                members.stream().map(Member::assetId).toList());
    }

    /**
     * Writes a few changes — a share removed, a share added, a collection made public or private,
     * a collection deleted — and returns the world after them.
     */
    VisibilityWorld change(Random random, DSLContext db, Fixtures fixtures) {
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
            from.sharedWith().remove(user);
        }
        Coll to = pick(random, after);
        Person with = pick(random, people);
        if (to.sharedWith().add(with.id())) {
            fixtures.share(to.id(), with.user());
        }
        Coll flipped = pick(random, after);
        db.update(CollectionTable.COLLECTIONS)
                .set(CollectionTable.COLLECTION_TYPE, flipped.isPublic() ? "private" : "public")
                .where(CollectionTable.ID.eq(flipped.id()))
                .execute();
        after.set(
                after.indexOf(flipped),
                new Coll(
                        flipped.id(),
                        flipped.uuid(),
                        flipped.ownerId(),
                        flipped.name(),
                        flipped.description(),
                        !flipped.isPublic(),
                        flipped.createdAt(),
                        flipped.updatedAt(),
                        flipped.sharedWith(),
                        flipped.assetIds()));
        if (after.size() > 1 && random.nextBoolean()) {
            Coll deleted = pick(random, after);
            db.deleteFrom(CollectionTable.COLLECTIONS)
                    .where(CollectionTable.ID.eq(deleted.id()))
                    .execute();
            after.remove(deleted);
        }
        return new VisibilityWorld(people, after);
    }

    List<Coll> visibleTo(long userId) {
        return collections.stream().filter(c -> c.visibleTo(userId)).toList();
    }

    Coll byId(long id) {
        return collections.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    long unusedId() {
        return collections.stream().mapToLong(Coll::id).max().orElse(0) + 1_000_000;
    }

    String nameOf(long userId) {
        return people.stream()
                .filter(p -> p.id() == userId)
                .findFirst()
                .orElseThrow()
                .user()
                .name();
    }

    static String phrase(Random random, int words) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            chosen.add(pick(random, WORDS));
        }
        return String.join(" ", chosen);
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
