package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS_COUNT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.EVENTS_TABLE;
import static com.assetcollections.webhooks.WebhookTable.EVENT_BODY;
import static com.assetcollections.webhooks.WebhookTable.EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.EVENT_UUID;
import static com.assetcollections.webhooks.WebhookTable.LEASED_BY;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.OnPostgres;
import com.assetcollections.support.WebhookReceiver;
import com.assetcollections.support.WebhookReceiver.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances over one PostgreSQL, both dispatching, both taking writes at the same time: every
 * subscription gets every event once, each writer's events in the order it wrote them (its
 * commits), and both instances deliver (seen in the leases they take).
 */
@OnPostgres
class WebhookTwoInstancesPostgresTest extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SUBSCRIPTIONS = 8;
    private static final int WRITES_PER_INSTANCE = 150;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    private SecretBox box;

    @Autowired
    private Environment environment;

    private WebhookReceiver receiver;
    private ConfigurableApplicationContext second;

    @BeforeEach
    void secondInstance() {
        receiver = new WebhookReceiver();
        second = OtherInstances.startInProcess(OtherInstances.args(environment, true, "60s"));
    }

    @AfterEach
    void stop() {
        second.close();
        receiver.close();
    }

    @Test
    void eachEventReachesEachSubscriptionOnceInTheOrderOfItsWriter() throws Exception {
        var owner = fixtures.user("Owner");
        String token = fixtures.token(owner, EnumSet.allOf(Scope.class));
        List<String> paths = new ArrayList<>();
        Map<String, Subscriptions.Subscription> hooks = new LinkedHashMap<>();
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            paths.add("/s" + i);
            hooks.put("/s" + i, Subscriptions.add(db, box, owner.id(), receiver.url("/s" + i), Outbox.ALL_EVENTS));
        }
        ApiClient other = new ApiClient(
                ((WebServerApplicationContext) second).getWebServer().getPort());

        Set<String> leaseHolders = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(
                () -> leaseHolders.addAll(db.selectDistinct(LEASED_BY)
                        .from(WEBHOOKS)
                        .where(LEASED_BY.isNotNull())
                        .fetch(LEASED_BY)),
                0,
                5,
                TimeUnit.MILLISECONDS);
        try {
            var first = CompletableFuture.runAsync(() -> write(api, token, "First"));
            var secondWriter = CompletableFuture.runAsync(() -> write(other, token, "Second"));
            CompletableFuture.allOf(first, secondWriter).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            int events = 2 * WRITES_PER_INSTANCE;
            for (String path : paths) {
                receiver.await(path, events, WAIT);
            }
            Thread.sleep(1000);
        } finally {
            sampler.shutdownNow();
        }

        Map<String, Long> eventIds = db.select(EVENT_UUID, EVENT_ID)
                .from(EVENTS_TABLE)
                .fetchMap(row -> row.value1().toString(), row -> row.value2());
        Map<String, String> writers = db.select(EVENT_UUID, EVENT_BODY)
                .from(EVENTS_TABLE)
                .fetchMap(row -> row.value1().toString(), row -> writer(row.value2()));
        assertThat(eventIds).hasSize(2 * WRITES_PER_INSTANCE);
        for (String path : paths) {
            List<Received> got = receiver.received(path);
            List<String> ids = got.stream().map(r -> r.header("webhook-id")).toList();
            assertThat(ids).as("webhook-ids at %s", path).doesNotHaveDuplicates();
            assertThat(ids).as("webhook-ids at %s", path).containsExactlyInAnyOrderElementsOf(eventIds.keySet());
            for (String writer : List.of("First", "Second")) {
                List<Long> inArrivalOrder = ids.stream()
                        .filter(id -> writers.get(id).equals(writer))
                        .map(eventIds::get)
                        .toList();
                assertThat(inArrivalOrder)
                        .as("the events of writer %s at %s", writer, path)
                        .hasSize(WRITES_PER_INSTANCE)
                        .isSorted();
            }
            Received sample = got.get(got.size() / 2);
            assertThat(StandardWebhooksVerifier.verify(
                            hooks.get(path).secret(),
                            sample.header("webhook-id"),
                            sample.header("webhook-timestamp"),
                            sample.header("webhook-signature"),
                            sample.body()))
                    .isTrue();
        }
        assertThat(db.fetchCount(DELIVERIES, DELIVERY_STATUS.eq("succeeded").and(DELIVERY_ATTEMPTS_COUNT.eq(1))))
                .isEqualTo(SUBSCRIPTIONS * 2 * WRITES_PER_INSTANCE);
        assertThat(leaseHolders)
                .as("the instances that held a subscription's lease")
                .hasSize(2);
    }

    /** Creates collections named for the writer and renames them: one event per write, each committed before the next. */
    private static void write(ApiClient api, String token, String writer) {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < WRITES_PER_INSTANCE; i++) {
            if (i % 3 == 0) {
                var response = api.post("/api/v2/collections", token, "{\"name\":\"" + writer + " " + i + "\"}");
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                created.add(response.json().at("/data/id").asLong());
            } else {
                long id = created.get(i % created.size());
                var response = api.patch("/api/v2/collections/" + id, token, "{\"name\":\"" + writer + " " + i + "\"}");
                assertThat(response.status()).as(response.body()).isEqualTo(200);
            }
        }
    }

    private static String writer(String body) {
        return JSON.readTree(body).at("/data/name").asString().split(" ")[0];
    }
}
