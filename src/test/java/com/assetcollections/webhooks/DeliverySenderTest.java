package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's own resolver refuses private addresses, so a host name that passed the check of
 * the URL and then resolves to a private address (DNS rebinding) is still not connected to.
 */
class DeliverySenderTest {

    private static final byte[] BODY = "{\"event\":\"webhook.ping\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSettings settings = TestSettings.with(Map.of("http-hosts", "127.0.0.1,localhost"));
    /** A guard whose URL check passed (the name looked public then); its resolver still checks. */
    private final TargetGuard rebound = new TargetGuard(settings) {
        @Override
        public Optional<String> problem(String url) {
            return Optional.empty();
        }
    };

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final DeliverySender sender = new DeliverySender(rebound, settings);

    @AfterEach
    void close() throws Exception {
        sender.destroy();
        receiver.close();
    }

    @Test
    void refusesToConnectToANameThatNowResolvesToLoopback() {
        DeliveryAttempt attempt = send(receiver.url("/by-name").replace("127.0.0.1", "localhost"));
        assertThat(attempt.statusCode()).isNull();
        assertThat(attempt.error())
                .contains("host localhost resolves to ")
                .contains("(app.webhooks.allow-private-targets)");
        assertThat(receiver.received("/by-name")).isEmpty();
    }

    @Test
    void refusesToConnectToALoopbackAddressWrittenAsSuch() {
        DeliveryAttempt attempt = send(receiver.url("/by-address"));
        assertThat(attempt.statusCode()).isNull();
        assertThat(attempt.error()).contains("host 127.0.0.1 resolves to 127.0.0.1");
        assertThat(receiver.received("/by-address")).isEmpty();
    }

    @Test
    void connectsWhenPrivateTargetsAreAllowed() throws Exception {
        WebhookSettings permissive =
                TestSettings.with(Map.of("http-hosts", "127.0.0.1,localhost", "allow-private-targets", "true"));
        DeliverySender allowed = new DeliverySender(new TargetGuard(permissive), permissive);
        try {
            DeliveryAttempt attempt = allowed.send(
                    receiver.url("/allowed"),
                    Signature.of(List.of(WebhookSecret.generate())),
                    UUID.randomUUID().toString(),
                    BODY);
            assertThat(attempt.statusCode()).isEqualTo(200);
            assertThat(receiver.received("/allowed")).hasSize(1);
        } finally {
            allowed.destroy();
        }
    }

    @Test
    void givesUpOnAReceiverThatDoesNotAnswerWithinTheRequestTimeout() throws Exception {
        WebhookSettings impatient = TestSettings.with(
                Map.of("http-hosts", "127.0.0.1", "allow-private-targets", "true", "request-timeout", "1s"));
        receiver.answer("/slow", request -> new WebhookReceiver.Answer(200, Duration.ofSeconds(4)));
        DeliverySender slow = new DeliverySender(new TargetGuard(impatient), impatient);
        try {
            DeliveryAttempt attempt = slow.send(
                    receiver.url("/slow"),
                    Signature.of(List.of(WebhookSecret.generate())),
                    UUID.randomUUID().toString(),
                    BODY);
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).isEqualTo("no response within 1 s");
            assertThat(attempt.durationMs()).isBetween(900L, 2500L);
        } finally {
            slow.destroy();
        }
    }

    @Test
    void subscriptionsOnOneHostDoNotWaitForEachOthersConnections() throws Exception {
        WebhookSettings permissive = TestSettings.with(
                Map.of("http-hosts", "127.0.0.1", "allow-private-targets", "true", "receivers-at-once", "4"));
        receiver.answer("/slow", request -> new WebhookReceiver.Answer(200, Duration.ofSeconds(3)));
        DeliverySender shared = new DeliverySender(new TargetGuard(permissive), permissive);
        ExecutorService subscriptions = Executors.newFixedThreadPool(3);
        try {
            List<Future<DeliveryAttempt>> slow = List.of(
                    subscriptions.submit(() -> send(shared, "/slow")),
                    subscriptions.submit(() -> send(shared, "/slow")));
            receiver.await("/slow", 2, Duration.ofSeconds(5));
            DeliveryAttempt fast =
                    subscriptions.submit(() -> send(shared, "/fast")).get();
            assertThat(fast.statusCode()).isEqualTo(200);
            assertThat(fast.durationMs())
                    .as("a delivery to a receiver that answers at once")
                    .isLessThan(1500);
            for (Future<DeliveryAttempt> attempt : slow) {
                assertThat(attempt.get().statusCode()).isEqualTo(200);
            }
        } finally {
            subscriptions.shutdownNow();
            shared.destroy();
        }
    }

    private DeliveryAttempt send(DeliverySender through, String path) {
        return through.send(
                receiver.url(path),
                Signature.of(List.of(WebhookSecret.generate())),
                UUID.randomUUID().toString(),
                BODY);
    }

    private DeliveryAttempt send(String url) {
        return sender.send(
                url,
                Signature.of(List.of(WebhookSecret.generate())),
                UUID.randomUUID().toString(),
                BODY);
    }
}
