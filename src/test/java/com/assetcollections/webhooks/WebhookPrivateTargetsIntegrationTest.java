package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.OnSqlite;
import com.assetcollections.support.WebhookReceiver;
import java.time.Duration;
import java.util.EnumSet;
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
 * With private targets refused (the default), a subscription that points into the service's own
 * network (stored before the rule, or written around the API) gets nothing sent: every attempt
 * is logged with the refused address, the receiver hears nothing, and no log line holds the secret.
 */
@OnSqlite
@TestPropertySource(
        properties = {
            "app.webhooks.allow-private-targets=false",
            "logging.level.com.assetcollections.webhooks=DEBUG",
            "logging.level.org.apache.hc.client5.http=DEBUG",
            "logging.level.org.jooq.tools.LoggerListener=DEBUG"
        })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class WebhookPrivateTargetsIntegrationTest extends ApiTestBase {

    @AfterAll
    static void quietLogsAgain() {
        DebugLogs.reset();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String REFUSED =
            ", a loopback, private, link-local or reserved address, which targets may not be"
                    + " (app.webhooks.allow-private-targets)";

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
    void targetsInTheServicesOwnNetworkAreRefusedAtEveryAttempt(CapturedOutput output) {
        var owner = fixtures.user("Owner");
        String token = fixtures.token(owner, EnumSet.allOf(Scope.class));
        String localhost = receiver.url("/by-name").replace("127.0.0.1", "localhost");
        Map<String, String> targets = Map.of(
                receiver.url("/by-address"),
                "host 127.0.0.1 resolves to 127.0.0.1" + REFUSED,
                localhost,
                "host localhost resolves to ",
                "https://10.1.2.3/hooks",
                "host 10.1.2.3 resolves to 10.1.2.3" + REFUSED,
                "https://169.254.169.254/latest/meta-data/",
                "host 169.254.169.254 resolves to 169.254.169.254" + REFUSED,
                "https://[::ffff:192.168.1.1]/hooks",
                "host ::ffff:192.168.1.1 resolves to 192.168.1.1" + REFUSED);
        Map<String, Subscriptions.Subscription> hooks = new java.util.LinkedHashMap<>();
        targets.keySet().forEach(url -> hooks.put(url, Subscriptions.add(db, box, owner.id(), url, Outbox.ALL_EVENTS)));

        assertThat(api.post("/api/v2/collections", token, "{\"name\":\"Brands\"}")
                        .status())
                .isEqualTo(201);

        for (var target : targets.entrySet()) {
            long id = hooks.get(target.getKey()).id();
            DeliveryLog.awaitSettled(db, id, WAIT);
            List<JsonNode> attempts = DeliveryLog.attempts(db, id);
            assertThat(attempts).as("attempts to %s", target.getKey()).hasSize(4);
            assertThat(attempts).allSatisfy(attempt -> {
                assertThat(attempt.path("status_code").isNull()).isTrue();
                assertThat(attempt.path("error").asString())
                        .as(target.getKey())
                        .startsWith("the URL " + target.getValue())
                        .endsWith(REFUSED);
            });
        }
        assertThat(receiver.received("/by-address")).isEmpty();
        assertThat(receiver.received("/by-name")).isEmpty();
        assertThat(output.getAll()).contains("resolves to 127.0.0.1");
        hooks.values().forEach(hook -> SecretTraces.assertNoneIn(output.getAll(), "the log", hook.secret()));
    }
}
