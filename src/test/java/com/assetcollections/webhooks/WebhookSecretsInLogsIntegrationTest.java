package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.OnSqlite;
import com.assetcollections.support.WebhookReceiver;
import com.assetcollections.support.WebhookReceiver.Answer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries that succeed, fail with 500, time out, cannot connect or are refused by the URL rule,
 * with the webhook code, the HTTP client (headers and wire) and jOOQ (statements, bind values and
 * fetched rows) all logging at DEBUG: no log line and no delivery log holds a signing secret or its key.
 */
@OnSqlite
@TestPropertySource(
        properties = {
            "app.webhooks.request-timeout=1s",
            "logging.level.com.assetcollections.webhooks=DEBUG",
            "logging.level.org.apache.hc.client5.http=DEBUG",
            "logging.level.org.jooq.tools.LoggerListener=DEBUG"
        })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class WebhookSecretsInLogsIntegrationTest extends ApiTestBase {

    @AfterAll
    static void quietLogsAgain() {
        DebugLogs.reset();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private SecretBox box;

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() {
        receiver = new WebhookReceiver();
        receiver.answer("/fails", request -> Answer.status(500));
        receiver.answer("/slow", request -> new Answer(200, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void noSecretIsLoggedWhateverBecomesOfADelivery(CapturedOutput output) throws Exception {
        var owner = fixtures.user("Owner");
        String token = fixtures.token(owner, EnumSet.allOf(Scope.class));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(receiver.url("/ok"), null);
        targets.put(receiver.url("/fails"), null);
        targets.put(receiver.url("/slow"), "no response within 1 s");
        targets.put("http://127.0.0.1:" + closedPort + "/closed", "Connect");
        targets.put("http://example.com/hooks", "the URL must use https");
        Map<String, Subscriptions.Subscription> hooks = new LinkedHashMap<>();
        targets.keySet().forEach(url -> hooks.put(url, Subscriptions.add(db, box, owner.id(), url, Outbox.ALL_EVENTS)));

        assertThat(api.post("/api/v2/collections", token, "{\"name\":\"Brands\"}")
                        .status())
                .isEqualTo(201);

        for (var target : targets.entrySet()) {
            DeliveryLog.awaitSettled(db, hooks.get(target.getKey()).id(), WAIT);
            List<JsonNode> attempts =
                    DeliveryLog.attempts(db, hooks.get(target.getKey()).id());
            if (target.getKey().endsWith("/ok")) {
                assertThat(attempts)
                        .singleElement()
                        .satisfies(
                                a -> assertThat(a.path("status_code").asInt()).isEqualTo(200));
            } else if (target.getKey().endsWith("/fails")) {
                assertThat(attempts)
                        .hasSize(4)
                        .allSatisfy(
                                a -> assertThat(a.path("status_code").asInt()).isEqualTo(500));
            } else {
                assertThat(attempts)
                        .as(target.getKey())
                        .hasSize(4)
                        .allSatisfy(a -> assertThat(a.path("error").asString()).contains(target.getValue()));
            }
        }
        String log = output.getAll();
        assertThat(log).as("the client's header log is captured").contains("webhook-signature");
        assertThat(log).as("jOOQ's statement log is captured").contains("webhook_deliveries");
        String deliveries = DeliveryLog.raw(db);
        for (Subscriptions.Subscription hook : hooks.values()) {
            SecretTraces.assertNoneIn(log, "the log", hook.secret());
            SecretTraces.assertNoneIn(deliveries, "the delivery log", hook.secret());
        }
    }
}
