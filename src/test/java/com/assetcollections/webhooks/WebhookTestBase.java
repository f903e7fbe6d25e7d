package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The webhook API with delivery switched off (these tests look at what is recorded, never at what
 * is sent), a fixed encryption key, and targets as in production: https to public addresses, plain
 * http only to {@value #HTTP_HOST}. Targets are IP literals, so no test depends on DNS.
 */
@TestPropertySource(
        properties = {
            "app.webhooks.dispatch=false",
            "app.webhooks.allow-private-targets=false",
            "app.webhooks.http-hosts=" + WebhookTestBase.HTTP_HOST,
            "app.webhooks.encryption-key=" + WebhookTestBase.KEY
        })
abstract class WebhookTestBase extends ApiTestBase {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String HTTP_HOST = "93.184.215.14";
    static final String TARGET = "https://93.184.215.14/hooks";
    static final EnumSet<Scope> EVERY_SCOPE_BUT_ADMIN =
            EnumSet.of(Scope.COLLECTIONS_READ, Scope.ASSETS_READ, Scope.WEBHOOKS_READ, Scope.WEBHOOKS_WRITE);

    User alice;
    User bob;
    String aliceToken;
    String bobToken;

    @BeforeEach
    void people() {
        db.deleteFrom(WebhookTable.EVENTS_TABLE).execute();
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        aliceToken = fixtures.token(alice, EVERY_SCOPE_BUT_ADMIN);
        bobToken = fixtures.token(bob, EVERY_SCOPE_BUT_ADMIN);
    }

    ApiResponse subscribe(String token, String body) {
        return api.post("/api/v2/webhooks", token, body);
    }

    /** A new subscription of {@code token}'s user to every event; its id. */
    long subscription(String token) {
        ApiResponse created = subscribe(token, "{\"url\": \"" + TARGET + "\", \"events\": [\"*\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("data").get("id").asLong();
    }

    /** An event in the outbox, as the writers record them; its id. */
    long event(String name, Instant at) {
        return db.insertInto(WebhookTable.EVENTS_TABLE)
                .set(WebhookTable.EVENT_UUID, UUID.randomUUID())
                .set(WebhookTable.EVENT_NAME, name)
                .set(WebhookTable.EVENT_BODY, "{\"event\": \"" + name + "\"}")
                .set(WebhookTable.EVENT_CREATED_AT, at)
                .returningResult(WebhookTable.EVENT_ID)
                .fetchSingle(WebhookTable.EVENT_ID);
    }

    /** A delivery of a new event to the subscription, in the state the dispatcher would leave it; its id. */
    long delivery(long webhookId, String event, String status, String attempts, Instant updatedAt) {
        long eventId = event(event, updatedAt);
        return db.insertInto(WebhookTable.DELIVERIES)
                .set(WebhookTable.DELIVERY_WEBHOOK_ID, webhookId)
                .set(WebhookTable.DELIVERY_EVENT_ID, eventId)
                .set(WebhookTable.DELIVERY_EVENT, event)
                .set(WebhookTable.DELIVERY_STATUS, status)
                .set(WebhookTable.DELIVERY_ATTEMPTS_COUNT, status.equals("pending") ? 0 : 8)
                .set(WebhookTable.DELIVERY_ATTEMPTS, attempts)
                // the dispatcher may leave it set on finished deliveries: the API shows it only while pending
                .set(WebhookTable.DELIVERY_NEXT_ATTEMPT_AT, updatedAt.plusSeconds(60))
                .set(WebhookTable.DELIVERY_CREATED_AT, updatedAt)
                .set(WebhookTable.DELIVERY_UPDATED_AT, updatedAt)
                .returningResult(WebhookTable.DELIVERY_ID)
                .fetchSingle(WebhookTable.DELIVERY_ID);
    }

    static String attempt(int statusCode) {
        return "{\"attempted_at\": \"2026-11-01T10:00:00.000000Z\", \"status_code\": " + statusCode
                + ", \"duration_ms\": 12, \"response_body\": \"nope\", \"error\": null}";
    }

    static Instant now() {
        return SqlTypes.now();
    }

    static List<Long> ids(ApiResponse list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().get("data").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static List<String> keys(JsonNode item) {
        return List.copyOf(item.propertyNames());
    }

    /** 422 with exactly these errors. */
    static void assertInvalid(ApiResponse response, Map<String, List<String>> errors) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        Map<String, List<String>> actual = new LinkedHashMap<>();
        response.json().get("errors").properties().forEach(entry -> {
            List<String> messages = new ArrayList<>();
            entry.getValue().forEach(message -> messages.add(message.asString()));
            actual.put(entry.getKey(), messages);
        });
        assertThat(actual).as(response.body()).isEqualTo(errors);
    }
}
