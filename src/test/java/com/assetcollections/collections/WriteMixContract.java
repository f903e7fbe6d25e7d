package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.ASSETS_COUNT;
import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.COLLECTION_TYPE;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.MEMBER_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_POSITION;
import static com.assetcollections.collections.CollectionTable.OWNER_ID;
import static com.assetcollections.collections.CollectionTable.SHARES;
import static com.assetcollections.collections.CollectionTable.SHARE_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.SHARE_USER_ID;

import com.assetcollections.collections.WriteMixUser.Outcome;
import com.assetcollections.collections.WriteMixWorld.Person;
import com.assetcollections.support.Fixtures;
import com.assetcollections.support.PropertySeeds;
import com.assetcollections.users.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Sixteen users write at once, through the API, to data that overlaps as in real use: each owns
 * assets and collections, collections are shared at the `edit` level and hold assets of several
 * owners. Every answer is success or a refusal a concurrent write explains (see
 * {@link WriteMixUser}) — never a 5xx — the database detects no deadlock, and afterwards every
 * collection's positions are 1..n, its {@code assets_count} is its number of members, and every
 * user's list total is what a direct count says they may see. Replay a run's choices with
 * {@code -Dproperty.seed=<seed>} (the interleaving is the machine's).
 */
abstract class WriteMixContract extends CollectionsContract {

    static final int USERS = 16;
    static final int OPERATIONS_EACH = 40;
    /** No user starts an operation after this (a slow machine runs fewer; the checks hold for any number). */
    static final long RUN_SECONDS = 20;
    /** How long the requests under way at {@link #RUN_SECONDS} may still take. */
    static final long STRAGGLER_SECONDS = 30;

    /**
     * How many deadlocks the database has detected so far in the test database, every one of
     * them counted by the time this returns.
     */
    abstract long deadlocksSoFar();

    @Test
    void sixteenUsersWritingOverlappingDataGetNoServerErrorNoDeadlockAndKeepEveryCountExact() throws Exception {
        long seed = PropertySeeds.seeds(88_001, 1).findFirst().orElseThrow();
        WriteMixWorld world = build(new Random(seed));
        long deadlocksBefore = deadlocksSoFar();

        List<Outcome> outcomes = new ArrayList<>();
        List<String> unfinished = run(world, seed, outcomes);

        long deadlocks = deadlocksSoFar() - deadlocksBefore;
        String run = "seed " + seed + ", " + outcomes.size() + " answers: " + tally(outcomes);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(unfinished)
                .as("users still waiting for an answer at the end (" + run + ")")
                .isEmpty();
        softly.assertThat(outcomes.stream().filter(Outcome::serverError).map(Outcome::toString))
                .as("5xx answers (" + run + ")")
                .isEmpty();
        softly.assertThat(outcomes.stream()
                        .filter(o -> !o.serverError() && !o.allowedStatus())
                        .map(Outcome::toString))
                .as("answers no concurrent write explains (" + run + ")")
                .isEmpty();
        softly.assertThat(deadlocks)
                .as("deadlocks the database detected during the run")
                .isZero();
        softly.assertThat(positionGaps())
                .as("collections whose positions are not 1..n")
                .isEmpty();
        softly.assertThat(countMismatches())
                .as("collections whose assets_count is not their number of members")
                .isEmpty();
        softly.assertThat(totalMismatches(world))
                .as("users whose list total is not what they may see")
                .isEmpty();
        softly.assertAll();
    }

    /**
     * Each user with six assets and three collections (every other user's first one public); each
     * collection holds two of its owner's assets and two of others', and is shared with three
     * other users at `edit` and one at `view`.
     */
    private WriteMixWorld build(Random random) {
        List<User> users = IntStream.range(0, USERS)
                .mapToObj(i -> fixtures.user("Writer " + i))
                .toList();
        WriteMixWorld world = new WriteMixWorld(users.stream()
                .map(u -> new Person(u.id(), fixtures.token(u, Fixtures.READ_WRITE)))
                .toList());
        for (User user : users) {
            for (int j = 0; j < 6; j++) {
                world.assets.put(fixtures.asset(user, user.name() + " asset " + j, "image"), user.id());
            }
        }
        for (int i = 0; i < USERS; i++) {
            User owner = users.get(i);
            for (int j = 0; j < 3; j++) {
                Fixtures.CollectionBuilder collection = fixtures.collection(owner, owner.name() + " set " + j);
                long id = (j == 0 && i % 2 == 0 ? collection.publicOne() : collection).create();
                world.addCollection(id, owner.id());
                fill(world, random, id, owner.id());
                List<User> others = new ArrayList<>(users);
                others.removeIf(u -> u.id() == owner.id());
                Collections.shuffle(others, random);
                for (int k = 0; k < 4; k++) {
                    String level = k < 3 ? "edit" : "view";
                    fixtures.share(id, others.get(k), level);
                    world.share(id, others.get(k).id(), level);
                }
            }
        }
        return world;
    }

    private void fill(WriteMixWorld world, Random random, long collection, long ownerId) {
        List<Long> own = new ArrayList<>(world.assetsOf(ownerId));
        List<Long> theirs = new ArrayList<>(world.assets.keySet().stream()
                .filter(a -> !own.contains(a))
                .sorted()
                .toList());
        Collections.shuffle(own, random);
        Collections.shuffle(theirs, random);
        List<Long> members = List.of(own.get(0), theirs.get(0), own.get(1), theirs.get(1));
        for (int position = 1; position <= members.size(); position++) {
            fixtures.member(collection, members.get(position - 1), position);
        }
    }

    /**
     * Runs every user at once; adds their answers to {@code outcomes} and returns the users that
     * were still waiting for an answer {@link #STRAGGLER_SECONDS} after the last operation began.
     */
    private List<String> run(WriteMixWorld world, long seed, List<Outcome> outcomes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_SECONDS);
            List<Callable<List<Outcome>>> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(new WriteMixUser(world, world.people.get(i), api, seed * 31 + i, OPERATIONS_EACH, deadline));
            }
            List<String> unfinished = new ArrayList<>();
            List<Future<List<Outcome>>> done = pool.invokeAll(users, RUN_SECONDS + STRAGGLER_SECONDS, TimeUnit.SECONDS);
            for (int i = 0; i < USERS; i++) {
                try {
                    outcomes.addAll(done.get(i).get());
                } catch (CancellationException e) {
                    unfinished.add("user " + world.people.get(i).id());
                }
            }
            return unfinished;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Collection ids whose member positions, in order, are not exactly 1..n. */
    private Map<Long, List<Integer>> positionGaps() {
        Map<Long, List<Integer>> positions = new TreeMap<>();
        db.select(MEMBER_COLLECTION_ID, MEMBER_POSITION)
                .from(MEMBERS)
                .orderBy(MEMBER_COLLECTION_ID, MEMBER_POSITION)
                .forEach(r -> positions
                        .computeIfAbsent(r.value1(), c -> new ArrayList<>())
                        .add(r.value2()));
        positions
                .values()
                .removeIf(
                        p -> p.equals(IntStream.rangeClosed(1, p.size()).boxed().toList()));
        return positions;
    }

    /** "collection id: assets_count vs members" for every collection where they differ. */
    private List<String> countMismatches() {
        var members = DSL.field(DSL.selectCount().from(MEMBERS).where(MEMBER_COLLECTION_ID.eq(ID)));
        return db.select(ID, ASSETS_COUNT, members)
                .from(COLLECTIONS)
                .where(ASSETS_COUNT.ne(members))
                .orderBy(ID)
                .fetch(r -> r.value1() + ": assets_count " + r.value2() + ", members " + r.value3());
    }

    /** "user id: API total vs counted" for every user whose unfiltered or shared-with-me total is off. */
    private List<String> totalMismatches(WriteMixWorld world) {
        List<String> off = new ArrayList<>();
        for (Person person : world.people) {
            Condition shared = DSL.exists(DSL.selectOne()
                    .from(SHARES)
                    .where(SHARE_COLLECTION_ID.eq(ID).and(SHARE_USER_ID.eq(person.id()))));
            long visible = db.fetchCount(
                    COLLECTIONS,
                    COLLECTION_TYPE.eq("public").or(OWNER_ID.eq(person.id())).or(shared));
            long sharedWith = db.fetchCount(COLLECTIONS, shared);
            long total = total(person, "");
            long sharedTotal = total(person, "&filter[shared_with_me]=1");
            if (total != visible || sharedTotal != sharedWith) {
                off.add(person.id() + ": total " + total + " (may see " + visible + "), shared_with_me " + sharedTotal
                        + " (shared " + sharedWith + ")");
            }
        }
        return off;
    }

    private long total(Person person, String filter) {
        var answer = api.getRaw(PATH + "?per_page=1" + filter, person.token());
        return answer.status() == 200 ? answer.json().get("meta").get("total").asLong() : -answer.status();
    }

    /** "kind status×count" for every kind of request and answer, e.g. "add 200×97, add 422×3". */
    private static String tally(List<Outcome> outcomes) {
        return outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.kind() + " " + o.status(), TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
