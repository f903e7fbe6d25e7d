package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.WebhookReceiver;
import com.assetcollections.users.User;
import com.assetcollections.webhooks.ConcurrentWriter.Written;
import com.assetcollections.webhooks.Deliveries.Heard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sixteen users write at once for a few seconds — to their own private and public collections,
 * to the private ones of the two users before them (shared with them at the `edit` level), and to
 * their own assets — while each subscribes to every event. Who may read what does not change
 * during the run, so each committed write's event must reach exactly the subscriptions of its
 * readers, once each; and each resource's events arrive in the order of its writes (its
 * {@code updated_at}, moved under the resource's lock; a thread's own writes are sequential).
 */
abstract class WebhookConcurrentWritesContract extends ApiTestBase {

    static final int USERS = 16;
    static final Duration RUN = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Autowired
    private SecretBox box;

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void everyCommittedWriteReachesEachReaderOnceAndEachResourceInWriteOrder() throws Exception {
        List<User> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Map<Long, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < USERS; i++) {
            User user = fixtures.user("Writer " + i);
            users.add(user);
            tokens.add(fixtures.token(user, EnumSet.allOf(Scope.class)));
        }
        // readers of each collection: null for a public one (everyone)
        Map<Long, Set<Long>> readers = new HashMap<>();
        long[] privateOnes = new long[USERS];
        long[] publicOnes = new long[USERS];
        for (int i = 0; i < USERS; i++) {
            User next = users.get((i + 1) % USERS);
            User afterNext = users.get((i + 2) % USERS);
            privateOnes[i] = fixtures.collection(users.get(i), "Private " + i).create();
            fixtures.share(privateOnes[i], next, "edit");
            fixtures.share(privateOnes[i], afterNext, "edit");
            readers.put(privateOnes[i], Set.of(users.get(i).id(), next.id(), afterNext.id()));
            publicOnes[i] =
                    fixtures.collection(users.get(i), "Public " + i).publicOne().create();
            readers.put(publicOnes[i], null);
        }
        for (User user : users) {
            secrets.put(
                    user.id(),
                    Subscriptions.add(db, box, user.id(), receiver.url(path(user.id())), Outbox.ALL_EVENTS)
                            .secret());
        }

        List<Written> written = race(i -> new ConcurrentWriter(
                        api,
                        tokens.get(i),
                        i,
                        List.of(
                                privateOnes[i],
                                privateOnes[(i + USERS - 1) % USERS],
                                privateOnes[(i + USERS - 2) % USERS],
                                publicOnes[i]))
                .run(Instant.now().plus(RUN)));

        Map<Long, List<Written>> expected = new LinkedHashMap<>();
        for (User user : users) {
            expected.put(
                    user.id(),
                    written.stream()
                            .filter(w -> w.asset()
                                    || readers.get(w.id()) == null
                                    || readers.get(w.id()).contains(user.id()))
                            .toList());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        expected.forEach((user, events) -> counts.put(path(user), events.size()));
        Deliveries.settle(db, receiver, counts, SETTLE);
        for (User user : users) {
            List<Heard> heard = Deliveries.heard(receiver, path(user.id()), secrets.get(user.id()));
            assertThat(ReceivedOnce.unmatched(expected.get(user.id()), heard))
                    .as(
                            "user %d: events written and heard (%d written, %d heard)",
                            user.id(), expected.get(user.id()).size(), heard.size())
                    .isEmpty();
            assertThat(ReceivedOnce.outOfOrder(heard))
                    .as("user %d: events of one resource not in the order of its writes", user.id())
                    .isEmpty();
        }
    }

    /**
     * Subscriptions are made and deleted over and over through the API while the users write: a
     * write never fails because a subscription it reaches is being deleted (no write locks a
     * subscription's row), and no subscription call fails either.
     */
    @Test
    void subscriptionsComingAndGoingFailNoWrite() throws Exception {
        List<String> tokens = new ArrayList<>();
        List<List<Long>> editable = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            User user = fixtures.user("Writer " + i);
            tokens.add(fixtures.token(user, EnumSet.allOf(Scope.class)));
            long own = fixtures.collection(user, "Private " + i).create();
            long open = fixtures.collection(user, "Public " + i).publicOne().create();
            editable.add(List.of(own, own, own, open));
        }
        Instant until = Instant.now().plus(RUN);
        ExecutorService churn = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> subscriptions = churn.submit(() -> {
                int made = 0;
                while (Instant.now().isBefore(until)) {
                    String token = tokens.get(made % USERS);
                    ApiResponse created = api.post(
                            "/api/v2/webhooks",
                            token,
                            "{\"url\": \"" + receiver.url("/churn/" + made) + "\", \"events\": [\"*\"]}");
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    ApiResponse deleted = api.delete(
                            "/api/v2/webhooks/"
                                    + created.json().get("data").get("id").asLong(),
                            token);
                    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
                    made++;
                }
                return made;
            });
            // each writer expects every one of its writes to succeed (ConcurrentWriter#expect)
            List<Written> written = race(i -> new ConcurrentWriter(api, tokens.get(i), i, editable.get(i)).run(until));

            assertThat(subscriptions.get()).isPositive();
            assertThat(written).hasSizeGreaterThanOrEqualTo(USERS * ConcurrentWriter.MIN_WRITES);
        } finally {
            churn.shutdownNow();
        }
    }

    private List<Written> race(java.util.function.IntFunction<List<Written>> thread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        try {
            List<Callable<List<Written>>> calls = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                int index = i;
                calls.add(() -> thread.apply(index));
            }
            List<Written> all = new ArrayList<>();
            for (Future<List<Written>> future : pool.invokeAll(calls)) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private static String path(long userId) {
        return "/c/" + userId;
    }
}
