package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.WebhookReceiver;
import com.assetcollections.support.WebhookReceiver.Answer;
import com.assetcollections.support.WebhookReceiver.Received;
import com.assetcollections.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Events reach a real receiver on a loopback port: bodies, signatures, order, retries, disabling. */
abstract class WebhookDeliveryContract extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    private SecretBox box;

    private WebhookReceiver receiver;
    private User owner;
    private String token;

    @BeforeEach
    void receiver() {
        receiver = new WebhookReceiver();
        owner = fixtures.user("Owner");
        token = fixtures.token(owner, java.util.EnumSet.allOf(com.assetcollections.auth.Scope.class));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void everyEventKindArrivesSignedWithTheBodyGetReturns() {
        Subscriptions.Subscription hook = subscribe(owner, "/all", "[\"*\"]");
        User friend = fixtures.user("Friend");

        ApiResponse created = api.post("/api/v2/collections", token, "{\"name\":\"Brands\"}");
        long id = created.json().at("/data/id").asLong();
        ApiResponse updated = api.patch("/api/v2/collections/" + id, token, "{\"name\":\"Client brands\"}");
        ApiResponse asset = api.post(
                "/api/v2/assets",
                token,
                "{\"name\":\"Logo\",\"asset_type\":\"image\",\"mime_type\":\"image/png\",\"url\":\"https://cdn.example.com/logo.png\"}");
        long assetId = asset.json().at("/data/id").asLong();
        ApiResponse assetUpdated = api.patch("/api/v2/assets/" + assetId, token, "{\"name\":\"Logo 2\"}");
        ApiResponse added =
                api.post("/api/v2/collections/" + id + "/assets", token, "{\"asset_ids\":[" + assetId + "]}");
        assertThat(api.post("/api/v2/collections/" + id + "/shares", token, "{\"user_id\":" + friend.id() + "}")
                        .status())
                .isEqualTo(201);
        ApiResponse afterShare = api.get("/api/v2/collections/" + id, token);
        assertThat(api.delete("/api/v2/collections/" + id + "/shares/" + friend.id(), token)
                        .status())
                .isEqualTo(204);
        ApiResponse afterUnshare = api.get("/api/v2/collections/" + id, token);
        ApiResponse assetDeleted = api.delete("/api/v2/assets/" + assetId, token);
        assertThat(assetDeleted.status()).as(assetDeleted.body()).isEqualTo(204);
        ApiResponse afterAssetDeleted = api.get("/api/v2/collections/" + id, token);
        assertThat(api.delete("/api/v2/collections/" + id, token).status()).isEqualTo(204);

        List<Received> got = receiver.await("/all", 11, WAIT);
        assertThat(got)
                .extracting(r -> body(r).path("event").asString())
                .containsExactly(
                        "collection.created",
                        "collection.updated",
                        "asset.created",
                        "asset.updated",
                        "collection.assets_changed",
                        "collection.shared",
                        "collection.unshared",
                        "asset.deleted",
                        "collection.assets_changed",
                        "collection.deleted");
        assertThat(data(got, 0)).isEqualTo(created.json().get("data"));
        assertThat(data(got, 1)).isEqualTo(updated.json().get("data"));
        assertThat(data(got, 2)).isEqualTo(asset.json().get("data"));
        assertThat(data(got, 3)).isEqualTo(assetUpdated.json().get("data"));
        assertThat(data(got, 4)).isEqualTo(added.json().get("data"));
        assertThat(data(got, 5)).isEqualTo(afterShare.json().get("data"));
        assertThat(data(got, 6)).isEqualTo(afterUnshare.json().get("data"));
        assertThat(data(got, 7).path("id").asLong()).isEqualTo(assetId);
        assertThat(data(got, 8)).isEqualTo(afterAssetDeleted.json().get("data"));
        assertThat(data(got, 9).path("id").asLong()).isEqualTo(id);
        assertThat(data(got, 9).path("uuid").asString())
                .isEqualTo(created.json().at("/data/uuid").asString());
        assertThat(data(got, 9).path("deleted_at").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

        for (Received request : got) {
            JsonNode body = body(request);
            assertThat(StandardWebhooksVerifier.verify(
                            hook.secret(),
                            request.header("webhook-id"),
                            request.header("webhook-timestamp"),
                            request.header("webhook-signature"),
                            request.body()))
                    .as("signature of %s", request.body())
                    .isTrue();
            assertThat(request.header("webhook-id"))
                    .isEqualTo(body.path("webhookId").asString());
            assertThat(request.header("content-type")).startsWith("application/json");
            assertThat(request.header("user-agent")).startsWith("AssetCollections-Webhooks/");
            assertThat(body.propertyNames())
                    .containsExactly(
                            "action", "event", "type", "data", "url", "webhookDate", "webhookTimestamp", "webhookId");
            String type = body.path("type").asString();
            assertThat(body.path("event").asString()).startsWith(type + ".");
            assertThat(body.path("url").asString())
                    .isEqualTo(api.base() + "/api/v2/" + type + "s/"
                            + body.at("/data/id").asLong());
            assertThat(Instant.parse(body.path("webhookDate").asString()).getEpochSecond())
                    .isEqualTo(body.path("webhookTimestamp").asLong());
        }
        assertThat(got)
                .extracting(r -> body(r).path("action").asString())
                .containsExactly(
                        "create", "update", "create", "update", "update", "update", "update", "delete", "update",
                        "delete");
        assertThat(got).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
    }

    @Test
    void aReceiverThatIsDownGetsEveryEventInOrderOnceItIsBack() {
        subscribe(owner, "/flaky", "[\"collection.created\"]");
        AtomicInteger calls = new AtomicInteger();
        receiver.answer("/flaky", request -> Answer.status(calls.incrementAndGet() <= 3 ? 503 : 200));
        for (int i = 1; i <= 5; i++) {
            api.post("/api/v2/collections", token, "{\"name\":\"C" + i + "\"}");
        }
        List<Received> got = receiver.await("/flaky", 8, WAIT);
        List<String> names =
                got.stream().map(r -> body(r).at("/data/name").asString()).toList();
        assertThat(names).containsExactly("C1", "C1", "C1", "C1", "C2", "C3", "C4", "C5");
        assertThat(got.get(0).header("webhook-id")).isEqualTo(got.get(3).header("webhook-id"));
    }

    @Test
    void goneDisablesTheSubscriptionAtOnce() {
        Subscriptions.Subscription hook = subscribe(owner, "/gone", "[\"*\"]");
        receiver.answer("/gone", request -> Answer.status(410));
        api.post("/api/v2/collections", token, "{\"name\":\"One\"}");
        receiver.await("/gone", 1, WAIT);
        awaitDisabled(hook.id());
        api.post("/api/v2/collections", token, "{\"name\":\"Two\"}");
        sleep(500);
        assertThat(receiver.received("/gone")).hasSize(1);
        assertThat(db.select(WebhookTable.DISABLED_REASON)
                        .from(WebhookTable.WEBHOOKS)
                        .where(WebhookTable.ID.eq(hook.id()))
                        .fetchSingle(WebhookTable.DISABLED_REASON))
                .contains("410");
    }

    @Test
    void eventsThatFailEveryAttemptDisableTheSubscription() {
        Subscriptions.Subscription hook = subscribe(owner, "/down", "[\"collection.created\"]");
        receiver.answer("/down", request -> Answer.status(500));
        for (int i = 1; i <= 3; i++) {
            api.post("/api/v2/collections", token, "{\"name\":\"C" + i + "\"}");
        }
        awaitDisabled(hook.id());
        // 3 events (disable-after-failed-events) x 4 attempts (the tests' setting)
        assertThat(receiver.received("/down")).hasSize(12);
        assertThat(db.fetchCount(
                        WebhookTable.DELIVERIES,
                        WebhookTable.DELIVERY_WEBHOOK_ID.eq(hook.id()).and(WebhookTable.DELIVERY_STATUS.eq("failed"))))
                .isEqualTo(3);
    }

    @Test
    void aSlowReceiverDoesNotHoldUpAnother() {
        subscribe(owner, "/slow", "[\"collection.created\"]");
        subscribe(owner, "/fast", "[\"collection.created\"]");
        receiver.answer("/slow", request -> new Answer(200, Duration.ofSeconds(3)));
        long start = System.nanoTime();
        for (int i = 1; i <= 3; i++) {
            api.post("/api/v2/collections", token, "{\"name\":\"C" + i + "\"}");
        }
        assertThat(receiver.await("/fast", 3, WAIT)).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aPrivateCollectionIsHeardOfOnlyByThoseWhoMayReadIt() {
        User stranger = fixtures.user("Stranger");
        User friend = fixtures.user("Friend");
        subscribe(stranger, "/stranger", "[\"*\"]");
        subscribe(friend, "/friend", "[\"*\"]");
        long id = api.post("/api/v2/collections", token, "{\"name\":\"Secret\"}")
                .json()
                .at("/data/id")
                .asLong();
        api.patch("/api/v2/collections/" + id, token, "{\"name\":\"Secret 2\"}");
        api.post("/api/v2/collections/" + id + "/shares", token, "{\"user_id\":" + friend.id() + "}");
        api.patch("/api/v2/collections/" + id, token, "{\"name\":\"Secret 3\"}");
        api.delete("/api/v2/collections/" + id + "/shares/" + friend.id(), token);
        api.patch("/api/v2/collections/" + id, token, "{\"name\":\"Secret 4\"}");
        api.post("/api/v2/collections", token, "{\"name\":\"Open\",\"collection_type\":\"public\"}");

        List<Received> friendGot = receiver.await("/friend", 4, WAIT);
        sleep(300);
        assertThat(receiver.received("/friend"))
                .extracting(r -> body(r).path("event").asString())
                .containsExactly(
                        "collection.shared", "collection.updated", "collection.unshared", "collection.created");
        assertThat(friendGot.get(3).body()).contains("Open");
        assertThat(receiver.received("/stranger"))
                .extracting(r -> body(r).at("/data/name").asString())
                .containsExactly("Open");
    }

    @Test
    void unsharingAPublicCollectionIsHeardByEveryoneNotOnlyTheUserUnshared() {
        User stranger = fixtures.user("Stranger");
        User friend = fixtures.user("Friend");
        subscribe(stranger, "/stranger", "[\"collection.unshared\"]");
        subscribe(friend, "/friend", "[\"collection.unshared\"]");
        long id = api.post("/api/v2/collections", token, "{\"name\":\"Open\",\"collection_type\":\"public\"}")
                .json()
                .at("/data/id")
                .asLong();
        api.post("/api/v2/collections/" + id + "/shares", token, "{\"user_id\":" + friend.id() + "}");
        assertThat(api.delete("/api/v2/collections/" + id + "/shares/" + friend.id(), token)
                        .status())
                .isEqualTo(204);

        assertThat(receiver.await("/stranger", 1, WAIT)).hasSize(1);
        assertThat(receiver.await("/friend", 1, WAIT)).hasSize(1);
    }

    @Test
    void aWriteThatIsRefusedEmitsNothing() {
        subscribe(owner, "/all", "[\"*\"]");
        long id = api.post("/api/v2/collections", token, "{\"name\":\"Kept\"}")
                .json()
                .at("/data/id")
                .asLong();
        assertThat(api.patch("/api/v2/collections/" + id, token, "{\"name\":\"Changed\"}", "If-Match", "\"stale\"")
                        .status())
                .isEqualTo(412);
        assertThat(api.patch("/api/v2/collections/" + id, token, "{\"name\":\"\"}")
                        .status())
                .isEqualTo(422);
        api.patch("/api/v2/collections/" + id, token, "{\"name\":\"Kept\"}"); // no change, no event
        receiver.await("/all", 1, WAIT);
        sleep(500);
        assertThat(receiver.received("/all"))
                .extracting(r -> body(r).path("event").asString())
                .containsExactly("collection.created");
    }

    private Subscriptions.Subscription subscribe(User user, String path, String events) {
        return Subscriptions.add(db, box, user.id(), receiver.url(path), events);
    }

    private void awaitDisabled(long webhookId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Boolean enabled = db.select(WebhookTable.ENABLED)
                    .from(WebhookTable.WEBHOOKS)
                    .where(WebhookTable.ID.eq(webhookId))
                    .fetchSingle(WebhookTable.ENABLED);
            if (!enabled) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("webhook " + webhookId + " was not disabled within " + WAIT);
    }

    private static JsonNode data(List<Received> got, int index) {
        return body(got.get(index)).get("data");
    }

    private static JsonNode body(Received request) {
        return JSON.readTree(request.body());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
