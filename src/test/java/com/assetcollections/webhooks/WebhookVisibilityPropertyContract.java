package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookWorld.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.PropertySeeds;
import com.assetcollections.support.SeededProperty;
import com.assetcollections.support.WebhookReceiver;
import com.assetcollections.webhooks.Deliveries.Heard;
import com.assetcollections.webhooks.WebhookWorld.Person;
import com.assetcollections.webhooks.WebhookWorld.Thing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Generated worlds in which every user subscribes to every event, then random writes through the
 * API by random users, allowed or refused. What each subscriber should hear is worked out from
 * the read API alone: for each write, the resource as every user reads it before and after (200
 * or 404); the recipients are those who read it after (for a deleted collection: before; for an
 * unshare: after, and the user unshared), the data what they read after (a tombstone as the sync
 * list shows it). Each subscriber must then have received exactly that sequence, signed: nothing
 * leaked, nothing missing, nothing out of order. Replay a seed with {@code -Dproperty.seed=<seed>}.
 */
abstract class WebhookVisibilityPropertyContract extends ApiTestBase {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Autowired
    private SecretBox box;

    private WebhookReceiver receiver;

    static LongStream seeds() {
        return PropertySeeds.seeds(0x5EED_3000L, 4);
    }

    @BeforeEach
    void receiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @SeededProperty
    void everySubscriberHearsExactlyWhatItMayReadInOrder(long seed) {
        Random random = new Random(seed);
        WebhookWorld world = WebhookWorld.generate(random, fixtures);
        Map<Long, String> secrets = new LinkedHashMap<>();
        for (Person person : world.people) {
            secrets.put(
                    person.id(),
                    Subscriptions.add(db, box, person.id(), receiver.url(path(person)), Outbox.ALL_EVENTS)
                            .secret());
        }
        Map<Long, List<Heard>> expected = new LinkedHashMap<>();
        world.people.forEach(p -> expected.put(p.id(), new ArrayList<>()));
        List<String> log = new ArrayList<>();
        int writes = 40 + random.nextInt(21);
        for (int i = 1; i <= writes; i++) {
            WebhookWrite write = WebhookWrite.generate(random, world, api);
            Map<Long, List<Heard>> heard = write.apply(api, world);
            log.add(i + ": " + write + " -> "
                    + heard.values().stream().mapToInt(List::size).sum() + " events");
            heard.forEach((user, events) -> expected.get(user).addAll(events));
        }

        Map<String, Integer> counts = new LinkedHashMap<>();
        world.people.forEach(p -> counts.put(path(p), expected.get(p.id()).size()));
        Deliveries.settle(db, receiver, counts, SETTLE);
        for (Person person : world.people) {
            assertThat(Deliveries.heard(receiver, path(person), secrets.get(person.id())))
                    .as(
                            "seed %d: events heard by user %d after the writes%n%s",
                            seed, person.id(), String.join("\n", log))
                    .containsExactlyElementsOf(expected.get(person.id()));
        }
    }

    private static String path(Person person) {
        return "/u/" + person.id();
    }

    /** The resource as each user reads it: the data, or null for a 404. */
    static Map<Long, JsonNode> readAll(
            com.assetcollections.support.ApiClient api, WebhookWorld world, String resourcePath) {
        Map<Long, JsonNode> read = new LinkedHashMap<>();
        for (Person person : world.people) {
            ApiResponse response = api.get(resourcePath, person.token());
            assertThat(response.status())
                    .as("GET %s as user %d: %s", resourcePath, person.id(), response.body())
                    .isIn(200, 404);
            read.put(person.id(), response.status() == 200 ? response.json().get("data") : null);
        }
        return read;
    }

    /** The tombstone of {@code thing} in {@code list} with deleted ones, as the user sees it, or null. */
    static JsonNode tombstone(com.assetcollections.support.ApiClient api, String list, Thing thing, Person person) {
        ApiResponse response =
                api.get(list, person.token(), Map.of("filter[with_deleted]", "1", "filter[uuid]", thing.uuid()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data.size())
                .as("tombstones of %s as user %d", thing, person.id())
                .isLessThanOrEqualTo(1);
        return data.isEmpty() ? null : data.get(0);
    }

    static Thing pickAny(Random random, List<Thing> things) {
        return pick(random, things);
    }
}
