package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.WebhookReceiver;
import com.assetcollections.support.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the tests' receiver got, once the outbox has nothing left to deliver, signatures checked. */
final class Deliveries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An event as a subscriber tells it from others: its name, the resource's id, and the data it carried. */
    record Heard(String event, long id, JsonNode data) {
        @Override
        public String toString() {
            return event + " " + id + " " + data;
        }
    }

    private Deliveries() {}

    /**
     * Waits until each path has at least its expected number of requests and no delivery is
     * pending any more (so that one too many would have arrived too).
     */
    static void settle(DSLContext db, WebhookReceiver receiver, Map<String, Integer> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        expected.forEach((path, count) -> receiver.await(path, count, remaining(deadline)));
        while (pending(db) > 0 && System.nanoTime() < deadline) {
            pause(20);
        }
        assertThat(pending(db)).as("deliveries still pending after %s", timeout).isZero();
        // a delivery is marked done after the receiver answered: give the last answers time to be recorded
        pause(100);
    }

    /** The events {@code path} received, in arrival order, each with a valid signature of {@code secret}. */
    static List<Heard> heard(WebhookReceiver receiver, String path, String secret) {
        List<Received> got = receiver.received(path);
        assertThat(got)
                .as("webhook-id of each delivery to %s", path)
                .extracting(r -> r.header("webhook-id"))
                .doesNotHaveDuplicates();
        return got.stream().map(request -> heard(request, secret)).toList();
    }

    static Heard heard(Received request, String secret) {
        assertThat(StandardWebhooksVerifier.verify(
                        secret,
                        request.header("webhook-id"),
                        request.header("webhook-timestamp"),
                        request.header("webhook-signature"),
                        request.body()))
                .as("signature of %s to %s", request.body(), request.path())
                .isTrue();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("webhookId").asString()).isEqualTo(request.header("webhook-id"));
        String type = body.path("type").asString();
        assertThat(body.path("event").asString()).startsWith(type + ".");
        assertThat(body.path("url").asString())
                .endsWith("/api/v2/" + type + "s/" + body.at("/data/id").asLong());
        assertThat(body.path("action").asString())
                .isEqualTo(
                        body.path("event").asString().endsWith(".created")
                                ? "create"
                                : body.path("event").asString().endsWith(".deleted") ? "delete" : "update");
        return new Heard(body.path("event").asString(), body.at("/data/id").asLong(), body.get("data"));
    }

    private static int pending(DSLContext db) {
        return db.fetchCount(WebhookTable.DELIVERIES, WebhookTable.DELIVERY_STATUS.eq("pending"));
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
