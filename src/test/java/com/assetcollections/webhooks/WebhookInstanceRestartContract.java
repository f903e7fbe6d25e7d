package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS_COUNT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.EVENTS_TABLE;
import static com.assetcollections.webhooks.WebhookTable.EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.EVENT_UUID;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.AppProcess;
import com.assetcollections.support.WebhookReceiver;
import com.assetcollections.support.WebhookReceiver.Answer;
import com.assetcollections.support.WebhookReceiver.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * An instance dies between the commit of its writes and their delivery; the next instance to
 * dispatch delivers every event, each with the {@code webhook-id} of its outbox row. The dying
 * instance is a child JVM killed with SIGKILL (no shutdown hook, no lease released). This test's
 * own context only writes fixtures and reads the database: it never dispatches.
 */
@TestPropertySource(properties = "app.webhooks.dispatch=false")
@DirtiesContext
abstract class WebhookInstanceRestartContract extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The lease of the instance that dies: the next one takes its subscriptions over after this. */
    private static final String LEASE = "2s";

    @Autowired
    private SecretBox box;

    @Autowired
    private Environment environment;

    private WebhookReceiver receiver;
    private String token;
    private Subscriptions.Subscription hook;

    @BeforeEach
    void subscription() {
        receiver = new WebhookReceiver();
        var owner = fixtures.user("Owner");
        token = fixtures.token(owner, EnumSet.allOf(Scope.class));
        hook = Subscriptions.add(db, box, owner.id(), receiver.url("/hook"), Outbox.ALL_EVENTS);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void eventsCommittedByAnInstanceThatDiedAreDeliveredByTheNextOne() {
        try (AppProcess first = AppProcess.start(instance(false))) {
            writeFiveEvents(first.api());
            first.kill();
        }
        sleep(300);
        assertThat(receiver.received("/hook")).isEmpty();

        try (ConfigurableApplicationContext next = startInProcess()) {
            List<Received> got = receiver.await("/hook", 5, WAIT);
            sleep(500);
            assertThat(receiver.received("/hook")).hasSize(5);
            assertThat(got).extracting(r -> r.header("webhook-id")).containsExactlyElementsOf(outboxIds());
            assertSignedAndDelivered(got);
        }
    }

    @Test
    void anEventInFlightWhenItsInstanceIsKilledIsDeliveredAgainWithTheSameId() throws InterruptedException {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        receiver.answer("/hook", request -> {
            if (calls.incrementAndGet() == 1) {
                firstArrived.countDown();
                await(release);
            }
            return Answer.status(200);
        });
        try (AppProcess first = AppProcess.start(instance(true))) {
            writeFiveEvents(first.api());
            assertThat(firstArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the first delivery reached the receiver; the instance's output:\n%s", first.output())
                    .isTrue();
            first.kill();
        } finally {
            release.countDown();
        }
        assertThat(receiver.received("/hook")).hasSize(1);

        try (ConfigurableApplicationContext next = startInProcess()) {
            List<Received> got = receiver.await("/hook", 6, WAIT);
            sleep(500);
            assertThat(receiver.received("/hook")).hasSize(6);
            List<String> ids = outboxIds();
            List<String> expected = new ArrayList<>(ids);
            expected.add(0, ids.get(0));
            assertThat(got).extracting(r -> r.header("webhook-id")).containsExactlyElementsOf(expected);
            assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
            assertSignedAndDelivered(got);
        }
    }

    @Test
    void eventsSentButNotYetRecordedWhenItsInstanceIsKilledAreSentAgainInOrder() throws InterruptedException {
        CountDownLatch thirdArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        receiver.answer("/hook", request -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                sleep(1000); // the other events are committed meanwhile: the next turn sends a batch
            } else if (call == 3) {
                thirdArrived.countDown();
                await(release);
            }
            return Answer.status(200);
        });
        List<String> recorded;
        try (AppProcess first = AppProcess.start(instance(true))) {
            writeFiveEvents(first.api());
            assertThat(thirdArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the third delivery reached the receiver; the instance's output:\n%s", first.output())
                    .isTrue();
            first.kill();
            recorded = succeededIds();
        } finally {
            release.countDown();
        }
        List<String> sentBefore = ids(receiver.received("/hook"));
        assertThat(sentBefore).hasSize(3);
        assertThat(recorded).isSubsetOf(sentBefore).doesNotContain(sentBefore.get(2));

        try (ConfigurableApplicationContext next = startInProcess()) {
            List<String> unrecorded =
                    outboxIds().stream().filter(id -> !recorded.contains(id)).toList();
            receiver.await("/hook", 3 + unrecorded.size(), WAIT);
            sleep(500);
            List<Received> got = receiver.received("/hook");
            assertThat(ids(got.subList(3, got.size())))
                    .as("sent after the restart; recorded as delivered before the kill: %s", recorded)
                    .containsExactlyElementsOf(unrecorded);
            assertSignedAndDelivered(got);
        }
    }

    private List<String> succeededIds() {
        return db.select(EVENT_UUID)
                .from(DELIVERIES)
                .join(EVENTS_TABLE)
                .on(EVENT_ID.eq(WebhookTable.DELIVERY_EVENT_ID))
                .where(DELIVERY_STATUS.eq("succeeded"))
                .orderBy(EVENT_ID)
                .fetch(row -> row.value1().toString());
    }

    private static List<String> ids(List<Received> requests) {
        return requests.stream().map(r -> r.header("webhook-id")).toList();
    }

    /** Five events, each committed before its response. */
    private void writeFiveEvents(ApiClient api) {
        long id = api.post("/api/v2/collections", token, "{\"name\":\"Brands\"}")
                .json()
                .at("/data/id")
                .asLong();
        for (int i = 2; i <= 4; i++) {
            var updated = api.patch("/api/v2/collections/" + id, token, "{\"name\":\"Brands " + i + "\"}");
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        }
        assertThat(api.delete("/api/v2/collections/" + id, token).status()).isEqualTo(204);
    }

    private void assertSignedAndDelivered(List<Received> got) {
        for (Received request : got) {
            assertThat(StandardWebhooksVerifier.verify(
                            hook.secret(),
                            request.header("webhook-id"),
                            request.header("webhook-timestamp"),
                            request.header("webhook-signature"),
                            request.body()))
                    .isTrue();
        }
        assertThat(db.fetchCount(DELIVERIES, DELIVERY_STATUS.eq("succeeded").and(DELIVERY_ATTEMPTS_COUNT.eq(1))))
                .as("every delivery succeeded, its log holding the one attempt that was recorded")
                .isEqualTo(5);
    }

    /** The {@code uuid} of each outbox event, oldest first. */
    private List<String> outboxIds() {
        return db.select(EVENT_UUID)
                .from(EVENTS_TABLE)
                .orderBy(EVENT_ID)
                .fetch(row -> row.value1().toString());
    }

    private List<String> instance(boolean dispatch) {
        return OtherInstances.args(environment, dispatch, LEASE);
    }

    private ConfigurableApplicationContext startInProcess() {
        return OtherInstances.startInProcess(instance(true));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
