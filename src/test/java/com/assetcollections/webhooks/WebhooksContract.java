package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.collections.HostileInputs;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions: created with a secret shown once, listed with the query language, changed,
 * rotated and deleted by their owner (or an admin) only, every bad body a 422 naming the field.
 */
abstract class WebhooksContract extends WebhookTestBase {

    static final List<String> FIELDS = List.of(
            "id",
            "uuid",
            "url",
            "events",
            "description",
            "enabled",
            "disabled_reason",
            "previous_secret_expires_at",
            "owner_id",
            "created_at",
            "updated_at");

    @Autowired
    SecretBox secrets;

    @Test
    void showsTheSecretOnlyInTheResponseThatCreatesIt() {
        ApiResponse created = subscribe(
                aliceToken,
                "{\"url\": \"" + TARGET + "\", \"events\": [\"collection.updated\", \"asset.created\"],"
                        + " \"description\": \"search index\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode data = created.json().get("data");
        long id = data.get("id").asLong();
        String secret = data.get("secret").asString();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(created.header("Location")).endsWith("/api/v2/webhooks/" + id);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(keys(data)).containsExactlyElementsOf(concat(FIELDS, "secret"));
        assertThat(data.get("url").asString()).isEqualTo(TARGET);
        assertThat(data.get("events").toString()).isEqualTo("[\"collection.updated\",\"asset.created\"]");
        assertThat(data.get("description").asString()).isEqualTo("search index");
        assertThat(data.get("enabled").asBoolean()).isTrue();
        assertThat(data.get("disabled_reason").isNull()).isTrue();
        assertThat(data.get("previous_secret_expires_at").isNull()).isTrue();
        assertThat(data.get("owner_id").asLong()).isEqualTo(alice.id());

        ApiResponse one = api.get("/api/v2/webhooks/" + id, aliceToken);
        ApiResponse byUuid = api.get("/api/v2/webhooks/" + data.get("uuid").asString(), aliceToken);
        ApiResponse list = api.get("/api/v2/webhooks", aliceToken);
        ApiResponse patched = api.patch("/api/v2/webhooks/" + id, aliceToken, "{\"description\": \"x\"}");
        for (ApiResponse response : List.of(one, byUuid, list, patched)) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).doesNotContain(secret).doesNotContain("secret\"");
        }
        assertThat(keys(one.json().get("data"))).containsExactlyElementsOf(FIELDS);
        assertThat(created.header("ETag"))
                .as("the ETag of the state, as GET gives it")
                .isEqualTo(one.header("ETag"));
        byte[] stored = db.select(WebhookTable.SECRET)
                .from(WebhookTable.WEBHOOKS)
                .where(WebhookTable.ID.eq(id))
                .fetchSingle(WebhookTable.SECRET);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(secrets.open(stored)).isEqualTo(secret);
    }

    @Test
    void anIdempotentReplayShowsTheSameSecretButKeepsItOnlySealed() {
        String body = "{\"url\": \"" + TARGET + "\", \"events\": [\"*\"]}";
        ApiResponse first = api.post("/api/v2/webhooks", aliceToken, body, "Idempotency-Key", "w-1");
        ApiResponse again = api.post("/api/v2/webhooks", aliceToken, body, "Idempotency-Key", "w-1");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        String secret = first.json().get("data").get("secret").asString();
        byte[] kept = db.select(DSL.field(DSL.name("response_body"), byte[].class))
                .from(DSL.table(DSL.name("idempotency_keys")))
                .fetchSingle()
                .value1();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(db.fetchCount(WebhookTable.WEBHOOKS)).isEqualTo(1);
    }

    @Test
    void aUserSeesAndManagesOnlyTheirOwnSubscriptions() {
        long alices = subscription(aliceToken);
        long bobs = subscription(bobToken);
        String path = "/api/v2/webhooks/" + alices;

        assertThat(ids(api.get("/api/v2/webhooks", aliceToken))).containsExactly(alices);
        assertThat(ids(api.get("/api/v2/webhooks", bobToken))).containsExactly(bobs);
        List<ApiResponse> bobsTries = List.of(
                api.get(path, bobToken),
                api.patch(path, bobToken, "{\"description\": \"mine now\"}"),
                api.delete(path, bobToken),
                api.post(path + "/rotate-secret", bobToken, null),
                api.post(path + "/ping", bobToken, null),
                api.get(path + "/deliveries", bobToken));
        for (ApiResponse response : bobsTries) {
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.json().get("message").asString()).isEqualTo("webhook `" + alices + "` not found");
        }
        assertThat(api.get(path, aliceToken)
                        .json()
                        .get("data")
                        .get("description")
                        .isNull())
                .isTrue();
    }

    @Test
    void anAdminListsAndManagesEveryonesSubscriptions() {
        long alices = subscription(aliceToken);
        long bobs = subscription(bobToken);
        EnumSet<Scope> adminScopes = EnumSet.copyOf(EVERY_SCOPE_BUT_ADMIN);
        adminScopes.add(Scope.ADMIN);
        String admin = fixtures.token(fixtures.user("Ada"), adminScopes);

        assertThat(ids(api.get("/api/v2/webhooks", admin))).containsExactly(alices, bobs);
        assertThat(ids(api.get("/api/v2/webhooks", admin, Map.of("filter[owner_id]", Long.toString(bob.id())))))
                .containsExactly(bobs);
        ApiResponse disabled = api.patch("/api/v2/webhooks/" + alices, admin, "{\"enabled\": false}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("data").get("owner_id").asLong()).isEqualTo(alice.id());
    }

    @Test
    void listsWithTheQueryLanguage() {
        long first = subscription(aliceToken);
        long second = subscription(aliceToken);
        long third = subscription(aliceToken);
        api.patch("/api/v2/webhooks/" + second, aliceToken, "{\"enabled\": false, \"url\": \"https://1.1.1.1/x\"}");

        assertThat(ids(api.get("/api/v2/webhooks", aliceToken, Map.of("sort", "-id"))))
                .containsExactly(third, second, first);
        assertThat(ids(api.get("/api/v2/webhooks", aliceToken, Map.of("filter[enabled]", "0"))))
                .containsExactly(second);
        assertThat(ids(api.get("/api/v2/webhooks", aliceToken, Map.of("filter[enabled]", "true"))))
                .containsExactly(first, third);
        assertThat(ids(api.get("/api/v2/webhooks", aliceToken, Map.of("filter[url]", "1.1.1"))))
                .containsExactly(second);
        assertThat(ids(api.get("/api/v2/webhooks", aliceToken, Map.of("filter[disabled_reason][null]", "0"))))
                .containsExactly(second);
        ApiResponse sparse =
                api.get("/api/v2/webhooks", aliceToken, Map.of("fields[webhooks]", "id,enabled", "per_page", "2"));
        assertThat(keys(sparse.json().get("data").get(0))).containsExactly("id", "enabled");
        assertThat(sparse.json().get("meta").get("total").asLong()).isEqualTo(3);
        ApiResponse cursor =
                api.get("/api/v2/webhooks", aliceToken, Map.of("cursor", "", "per_page", "2", "sort", "-created_at"));
        assertThat(ids(cursor)).containsExactly(third, second);

        ApiResponse unknown = api.get("/api/v2/webhooks", aliceToken, Map.of("filter[secret]", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString())
                .isEqualTo("unknown filter `secret`; filterable: id, uuid, url, enabled, disabled_reason,"
                        + " previous_secret_expires_at, owner_id, created_at, updated_at, updated_since");
        ApiResponse unsortable = api.get("/api/v2/webhooks", aliceToken, Map.of("sort", "events"));
        assertThat(unsortable.json().get("message").asString())
                .isEqualTo("unknown sort field `events`; sortable: id, uuid, url, owner_id, created_at, updated_at");
    }

    @Test
    void refusesEveryBadFieldWith422NamingIt() {
        assertInvalid(
                subscribe(aliceToken, "{}"),
                Map.of(
                        "url", List.of("`url` is required"),
                        "events", List.of("`events` is required: a list of event names, or [\"*\"] for every event")));
        assertInvalid(
                subscribe(aliceToken, "{\"url\": \"http://1.1.1.1/x\", \"events\": [], \"description\": 5}"),
                Map.of(
                        "url",
                        List.of("`url` must use https (plain http only to the hosts app.webhooks.http-hosts names);"
                                + " got `http://1.1.1.1/x`"),
                        "events",
                        List.of("`events` must name at least one event, or be [\"*\"] for every event"),
                        "description",
                        List.of("`description` must be a string")));
        assertInvalid(
                subscribe(
                        aliceToken,
                        "{\"url\": \"https://127.0.0.1/x\", \"events\": [\"asset.created\", \"asset.created\"]}"),
                Map.of(
                        "url",
                        List.of("`url` host 127.0.0.1 resolves to 127.0.0.1, a loopback, private, link-local or"
                                + " reserved address, which targets may not be (app.webhooks.allow-private-targets);"
                                + " got `https://127.0.0.1/x`"),
                        "events",
                        List.of("`events` names `asset.created` twice")));
        assertInvalid(
                subscribe(
                        aliceToken, "{\"url\": \"" + TARGET + "\", \"events\": [\"asset.created\", \"asset.moved\"]}"),
                Map.of(
                        "events",
                        List.of("unknown event `asset.moved`; events: " + String.join(", ", WebhookEvent.NAMES)
                                + " (or [\"*\"] for every event)")));
        assertInvalid(
                subscribe(aliceToken, "{\"url\": \"" + TARGET + "\", \"events\": [\"*\", \"asset.created\"]}"),
                Map.of("events", List.of("`*` stands for every event and must be alone: [\"*\"]")));
        assertInvalid(
                subscribe(
                        aliceToken,
                        "{\"url\": \"" + TARGET + "\", \"events\": [\"*\"], \"description\": \"" + "d".repeat(1001)
                                + "\"}"),
                Map.of("description", List.of("`description` must be 0 to 1000 characters long (trimmed)")));
        long id = subscription(aliceToken);
        assertInvalid(
                api.patch(
                        "/api/v2/webhooks/" + id,
                        aliceToken,
                        "{\"enabled\": \"yes\", \"url\": null, \"events\": null}"),
                Map.of(
                        "url", List.of("`url` is required"),
                        "events", List.of("`events` is required: a list of event names, or [\"*\"] for every event"),
                        "enabled", List.of("`enabled` must be true or false")));
        assertThat(db.fetchCount(WebhookTable.WEBHOOKS)).isEqualTo(1);
    }

    @Test
    void targetsArePublicHttpsOrPlainHttpToTheHostsTheSettingNames() {
        assertThat(subscribe(aliceToken, "{\"url\": \"http://" + HTTP_HOST + "/in\", \"events\": [\"*\"]}")
                        .status())
                .isEqualTo(201);
        for (String url : List.of(
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/x",
                "https://10.0.0.8/x",
                "https://[::ffff:192.168.0.1]/x",
                "http://1.1.1.1/x",
                "ftp://1.1.1.1/x",
                "https://user:pw@1.1.1.1/x",
                "/relative")) {
            ApiResponse refused = subscribe(aliceToken, "{\"url\": \"" + url + "\", \"events\": [\"*\"]}");
            assertThat(refused.status()).as(url + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.json().at("/errors/url/0").asString())
                    .as(url)
                    .startsWith("`url` ")
                    .endsWith("; got `" + url + "`");
        }
        assertThat(db.fetchCount(WebhookTable.WEBHOOKS)).isEqualTo(1);
    }

    @Test
    void aTokenSubscribesOnlyToEventsAboutWhatItMayRead() {
        String assetsOnly =
                fixtures.token(alice, EnumSet.of(Scope.ASSETS_READ, Scope.WEBHOOKS_WRITE, Scope.WEBHOOKS_READ));

        assertInvalid(
                subscribe(
                        assetsOnly,
                        "{\"url\": \"" + TARGET + "\", \"events\": [\"collection.shared\", \"asset.updated\"]}"),
                Map.of(
                        "events",
                        List.of("`collection.shared` needs the `collections:read` scope, which this token lacks")));
        assertInvalid(
                subscribe(assetsOnly, "{\"url\": \"" + TARGET + "\", \"events\": [\"*\"]}"),
                Map.of(
                        "events",
                        List.of("`*` (every event) needs the `collections:read` scope, which this token lacks")));
        String webhooksOnly = fixtures.token(alice, EnumSet.of(Scope.WEBHOOKS_WRITE));
        assertThat(subscribe(webhooksOnly, "{\"url\": \"" + TARGET + "\", \"events\": [\"webhook.ping\"]}")
                        .status())
                .isEqualTo(201);
        assertThat(subscribe(assetsOnly, "{\"url\": \"" + TARGET + "\", \"events\": [\"asset.updated\"]}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void neverAnswers500WhateverTheBodyOrQuery() {
        long id = subscription(aliceToken);
        List<String> values = List.of(
                "null",
                "1",
                "true",
                "\"\"",
                "[]",
                "{}",
                "[null]",
                "[1]",
                "[\"\\u0000\"]",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "\"https://93.184.215.14/\\u0000\"",
                "\"https://[::1]/\"",
                "\"https://169.254.169.254/latest\"",
                "\"https://user:pw@93.184.215.14/\"",
                "\"https://93.184.215.14/#frag\"",
                "\"ftp://93.184.215.14/\"",
                "\"https://\"",
                "\"not a url\"",
                "\"https://93.184.215.14:99999/\"",
                "\"https://" + "a".repeat(3000) + "\"",
                "[\"" + "x".repeat(200) + "\"]",
                "[\"*\",\"*\"]",
                "\"' OR 1=1 --\"",
                "12345678901234567890123");
        for (String field : List.of("url", "events", "description", "enabled")) {
            for (String value : values) {
                String body = "{\"" + field + "\": " + value + "}";
                for (ApiResponse response :
                        List.of(subscribe(aliceToken, body), api.patch("/api/v2/webhooks/" + id, aliceToken, body))) {
                    assertThat(response.status())
                            .as(body + ": " + response.body())
                            .isIn(200, 201, 400, 422);
                    HostileInputs.assertWellFormed(body, response);
                }
            }
        }
        Random random = new Random(10);
        for (int i = 0; i < 300; i++) {
            String query = HostileInputs.randomQuery(random)
                    .replace("collection_type", "enabled")
                    .replace("filter%5Bname%5D", "filter%5Burl%5D");
            HostileInputs.assertWellFormed(query, api.getRaw("/api/v2/webhooks?" + query, aliceToken));
        }
        for (String key : List.of("x", "-1", "99999999999999999999", ApiClient.encode("' OR 1=1 --"))) {
            assertThat(api.get("/api/v2/webhooks/" + key, aliceToken).status()).isEqualTo(404);
        }
    }

    @Test
    void changesWhatAPatchSendsUnderIfMatch() {
        long id = subscription(aliceToken);
        String path = "/api/v2/webhooks/" + id;
        ApiResponse read = api.get(path, aliceToken);

        ApiResponse nothing = api.patch(path, aliceToken, "{}");
        ApiResponse stale = api.patch(path, aliceToken, "{\"description\": \"x\"}", "If-Match", "\"0nope\"");
        ApiResponse changed = api.patch(
                path,
                aliceToken,
                "{\"events\": [\"asset.deleted\"], \"url\": \"https://1.1.1.1/in\"}",
                "If-Match",
                read.header("ETag"));

        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.header("ETag")).isEqualTo(read.header("ETag"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode data = changed.json().get("data");
        assertThat(data.get("events").toString()).isEqualTo("[\"asset.deleted\"]");
        assertThat(data.get("url").asString()).isEqualTo("https://1.1.1.1/in");
        assertThat(data.get("updated_at").asString())
                .isGreaterThan(read.json().get("data").get("updated_at").asString());
        assertThat(api.get(path, aliceToken).json().get("data")).isEqualTo(data);
    }

    @Test
    void rotatingGivesANewSecretAndKeepsTheOldOneSigningForTheOverlap() {
        ApiResponse created = subscribe(aliceToken, "{\"url\": \"" + TARGET + "\", \"events\": [\"*\"]}");
        long id = created.json().get("data").get("id").asLong();
        String old = created.json().get("data").get("secret").asString();

        ApiResponse rotated = api.post("/api/v2/webhooks/" + id + "/rotate-secret", aliceToken, null);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.header("Cache-Control")).isEqualTo("no-store");
        JsonNode data = rotated.json().get("data");
        String fresh = data.get("secret").asString();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        Instant until = Instant.parse(data.get("previous_secret_expires_at").asString());
        assertThat(Duration.between(now(), until)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
        var row = db.select(WebhookTable.SECRET, WebhookTable.PREVIOUS_SECRET)
                .from(WebhookTable.WEBHOOKS)
                .where(WebhookTable.ID.eq(id))
                .fetchSingle();
        assertThat(secrets.open(row.value1())).isEqualTo(fresh);
        assertThat(secrets.open(row.value2())).isEqualTo(old);
        ApiResponse read = api.get("/api/v2/webhooks/" + id, aliceToken);
        assertThat(read.body()).doesNotContain(fresh).doesNotContain(old);
        assertThat(keys(read.json().get("data"))).containsExactlyElementsOf(FIELDS);
    }

    @Test
    void deletingRemovesTheSubscriptionAndItsLog() {
        long id = subscription(aliceToken);
        delivery(id, "asset.created", "succeeded", "[" + attempt(200) + "]", now());

        ApiResponse deleted = api.delete("/api/v2/webhooks/" + id, aliceToken);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v2/webhooks/" + id, aliceToken).status()).isEqualTo(404);
        assertThat(db.fetchCount(WebhookTable.DELIVERIES)).isZero();
        assertThat(api.delete("/api/v2/webhooks/" + id, aliceToken).status()).isEqualTo(404);
    }

    @Test
    void readsNeedWebhooksReadAndWritesWebhooksWrite() {
        long id = subscription(aliceToken);
        String readOnly = fixtures.token(alice, EnumSet.of(Scope.WEBHOOKS_READ, Scope.ASSETS_READ));
        String writeOnly = fixtures.token(alice, EnumSet.of(Scope.WEBHOOKS_WRITE, Scope.ASSETS_READ));

        assertThat(api.get("/api/v2/webhooks", writeOnly).json().get("message").asString())
                .isEqualTo("this token lacks the `webhooks:read` scope");
        assertThat(api.get("/api/v2/webhooks/" + id + "/deliveries", writeOnly).status())
                .isEqualTo(403);
        assertThat(subscribe(readOnly, "{\"url\": \"" + TARGET + "\", \"events\": [\"asset.created\"]}")
                        .json()
                        .get("message")
                        .asString())
                .isEqualTo("this token lacks the `webhooks:write` scope");
        assertThat(api.patch("/api/v2/webhooks/" + id, readOnly, "{}").status()).isEqualTo(403);
        assertThat(api.post("/api/v2/webhooks/" + id + "/ping", readOnly, null).status())
                .isEqualTo(403);
        ApiResponse written = api.patch("/api/v2/webhooks/" + id, writeOnly, "{\"description\": \"d\"}");
        assertThat(written.status()).as("write responses need no read scope").isEqualTo(200);
    }

    private static List<String> concat(List<String> fields, String more) {
        List<String> all = new ArrayList<>(fields);
        all.add(more);
        return all;
    }
}
