package com.assetcollections.webhooks;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A generated world for webhook properties, written straight into the database before anyone
 * subscribes (so it emits nothing): users with every scope, public and private collections,
 * assets, shares and memberships. It remembers only names of things (ids, owners, uuids), deleted
 * ones too, so that writes can aim at them; what anyone may read is asked of the read API.
 */
final class WebhookWorld {

    record Person(long id, String email, String token) {}

    record Thing(long id, long ownerId, String uuid) {}

    final List<Person> people = new ArrayList<>();
    final List<Thing> collections = new ArrayList<>();
    final List<Thing> assets = new ArrayList<>();

    private WebhookWorld() {}

    static WebhookWorld generate(Random random, Fixtures fixtures) {
        WebhookWorld world = new WebhookWorld();
        List<User> users = new ArrayList<>();
        int people = 4 + random.nextInt(3);
        for (int i = 0; i < people; i++) {
            User user = fixtures.user("User " + i);
            users.add(user);
            world.people.add(new Person(user.id(), user.email(), fixtures.token(user, EnumSet.allOf(Scope.class))));
        }
        for (int i = 0; i < 6 + random.nextInt(5); i++) {
            User owner = pick(random, users);
            UUID uuid = uuid(random);
            long id = fixtures.asset(owner, pick(random, NAMES)).uuid(uuid).create();
            world.assets.add(new Thing(id, owner.id(), uuid.toString()));
        }
        for (User owner : users) {
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                UUID uuid = uuid(random);
                var collection = fixtures.collection(owner, pick(random, NAMES)).uuid(uuid);
                long id = (random.nextInt(100) < 35 ? collection.publicOne() : collection).create();
                world.collections.add(new Thing(id, owner.id(), uuid.toString()));
                for (User other : users) {
                    if (other != owner && random.nextInt(100) < 30) {
                        fixtures.share(id, other, random.nextBoolean() ? "view" : "edit");
                    }
                }
                List<Thing> members = new ArrayList<>(world.assets);
                java.util.Collections.shuffle(members, random);
                int size = random.nextInt(4);
                for (int position = 1; position <= size; position++) {
                    fixtures.member(id, members.get(position - 1).id(), position);
                }
            }
        }
        return world;
    }

    /** Few names, so that a rename sometimes changes nothing. */
    static final List<String> NAMES = List.of("Brand kit", "Campaign", "Archive", "Logos");

    Person person(long id) {
        return people.stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
