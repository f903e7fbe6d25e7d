package com.assetcollections.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.NotAuthenticated;
import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.Fixtures;
import com.assetcollections.web.JsonValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Users and tokens over the API: {@code /me}, a user's own tokens (scopes and expiry never beyond
 * the token that creates them, revocation at once), admin-only user management, and the write
 * conventions (400 for bodies that are not JSON or have unknown fields, 422 listing every bad
 * field, Idempotency-Key replays).
 */
abstract class UsersAndTokensContract extends ApiTestBase {

    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    private User alice;
    private IssuedToken aliceToken;
    private User bob;
    private IssuedToken bobToken;
    private User root;
    private String admin;

    @BeforeEach
    void aliceBobAndAnAdmin() {
        alice = fixtures.user("Alice");
        aliceToken = fixtures.issue(alice, Fixtures.READ_WRITE, null);
        bob = fixtures.user("Bob");
        bobToken = fixtures.issue(bob, Fixtures.READ_WRITE, null);
        root = fixtures.user("Root");
        admin = fixtures.token(root, EnumSet.allOf(Scope.class));
    }

    @Autowired
    private UserController users;

    @Test
    void meForATokenGoneAfterTheRequestWasAuthenticatedIsNotAuthenticatedRatherThanAnError() {
        IssuedToken gone = fixtures.issue(alice, Fixtures.READ_WRITE, null);
        Caller authenticated = new Caller(alice.id(), gone.id(), Fixtures.READ_WRITE);
        db.deleteFrom(DSL.table("api_tokens"))
                .where(DSL.field("id").eq(gone.id()))
                .execute();

        assertThatThrownBy(() -> users.me(authenticated)).isInstanceOf(NotAuthenticated.class);
        assertThatThrownBy(() -> users.me(new Caller(Long.MAX_VALUE, aliceToken.id(), Fixtures.READ_WRITE)))
                .isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void meShowsTheUserAndTheTokenInUseWhateverItsScopes() {
        IssuedToken assetsOnly = fixtures.issue(alice, EnumSet.of(Scope.ASSETS_READ), null);

        ApiResponse me = api.get("/api/v2/me", assetsOnly.plaintext());

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        JsonNode data = me.json().get("data");
        assertThat(data.propertyNames())
                .containsExactly("id", "uuid", "name", "email", "created_at", "updated_at", "token");
        assertThat(data.get("id").asLong()).isEqualTo(alice.id());
        assertThat(data.get("uuid").asString()).isEqualTo(alice.uuid().toString());
        assertThat(data.get("name").asString()).isEqualTo("Alice");
        assertThat(data.get("email").asString()).isEqualTo(alice.email());
        assertThat(data.get("created_at").asString()).matches(DATETIME);
        JsonNode token = data.get("token");
        assertThat(token.propertyNames())
                .containsExactly("id", "name", "scopes", "created_at", "expires_at", "last_used_at");
        assertThat(token.get("id").asLong()).isEqualTo(assetsOnly.id());
        assertThat(texts(token.get("scopes"))).containsExactly("assets:read");
        assertThat(token.get("expires_at").isNull()).isTrue();
        assertThat(token.get("last_used_at").asString()).matches(DATETIME);
        assertThat(me.body()).doesNotContain(assetsOnly.plaintext()).doesNotContain(storedHash(assetsOnly.id()));
    }

    @Test
    void createdTokenIsShownOnceAndHasExactlyTheChosenScopes() {
        ApiResponse created =
                createToken(aliceToken.plaintext(), "{\"name\": \"ci\", \"scopes\": [\"collections:read\"]}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode data = created.json().get("data");
        long id = data.get("id").asLong();
        String secret = data.get("token").asString();
        assertThat(secret).matches("ac_[A-Za-z0-9_-]{43}");
        assertThat(created.header("Location")).isEqualTo("/api/v2/tokens/" + id);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(data.propertyNames())
                .containsExactly(
                        "id",
                        "user_id",
                        "name",
                        "scopes",
                        "created_at",
                        "last_used_at",
                        "expires_at",
                        "revoked_at",
                        "token");
        assertThat(data.get("user_id").asLong()).isEqualTo(alice.id());
        assertThat(data.get("name").asString()).isEqualTo("ci");
        assertThat(texts(data.get("scopes"))).containsExactly("collections:read");

        assertThat(api.get("/api/v2/collections", secret).status()).isEqualTo(200);
        ApiResponse write = api.post("/api/v2/collections", secret, "{\"name\": \"Brands\"}");
        assertThat(write.status()).as(write.body()).isEqualTo(403);
        assertThat(write.json().get("message").asString()).isEqualTo("this token lacks the `collections:write` scope");
        assertThat(api.get("/api/v2/assets", secret).status()).isEqualTo(403);
        assertThat(api.get("/api/v2/me", secret).json().at("/data/token/id").asLong())
                .isEqualTo(id);

        ApiResponse shown = api.get("/api/v2/tokens/" + id, aliceToken.plaintext());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("data").has("token"))
                .as("the secret is shown only once")
                .isFalse();
        assertThat(shown.body()).doesNotContain(secret).doesNotContain(storedHash(id));
    }

    @Test
    void aTokenCannotGrantScopesItDoesNotHold() {
        String readOnly = fixtures.token(alice, EnumSet.of(Scope.COLLECTIONS_READ, Scope.ASSETS_READ));
        long before = tokenCount();

        ApiResponse refused = createToken(
                readOnly, "{\"name\": \"more\", \"scopes\": [\"collections:read\", \"admin\", \"assets:write\"]}");

        assertValidationErrors(
                refused,
                Map.of(
                        "scopes",
                        List.of("this token does not hold scopes `assets:write`, `admin`, so it cannot grant them;"
                                + " it may grant: collections:read, assets:read")));
        assertThat(tokenCount()).isEqualTo(before);
    }

    @Test
    void scopesMustBeAKnownNonEmptyList() {
        assertValidationErrors(
                createToken(aliceToken.plaintext(), "{\"name\": \"x\", \"scopes\": []}"),
                Map.of(
                        "scopes",
                        List.of("`scopes` must name at least one scope; this token may grant: collections:read,"
                                + " collections:write, assets:read, assets:write")));
        assertValidationErrors(
                createToken(aliceToken.plaintext(), "{\"name\": \"x\", \"scopes\": [\"collections:read\", \"root\"]}"),
                Map.of(
                        "scopes",
                        List.of("unknown scope `root`; scopes: collections:read, collections:write, assets:read,"
                                + " assets:write, webhooks:read, webhooks:write, admin")));
        assertValidationErrors(
                createToken(aliceToken.plaintext(), "{\"name\": \"x\"}"),
                Map.of(
                        "scopes",
                        List.of("`scopes` is required: a list of one or more of collections:read,"
                                + " collections:write, assets:read, assets:write")));
    }

    @Test
    void anExpiryMustLieInTheFuture() {
        ApiResponse past = createToken(
                aliceToken.plaintext(),
                "{\"name\": \"x\", \"scopes\": [\"assets:read\"], \"expires_at\": \"2020-01-01T00:00:00Z\"}");

        assertThat(past.status()).as(past.body()).isEqualTo(422);
        assertThat(past.json().at("/errors/expires_at/0").asString())
                .startsWith("`expires_at` must be in the future; got 2020-01-01T00:00:00.000000Z, now is ");
        assertThat(past.json().get("errors").propertyNames()).containsExactly("expires_at");
    }

    @Test
    void aTokenWithAnExpiryWorksUntilItExpiresThen401() {
        Instant at = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        ApiResponse created = createToken(
                aliceToken.plaintext(),
                "{\"name\": \"month\", \"scopes\": [\"assets:read\"], \"expires_at\": \"" + at + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Instant.parse(created.json().at("/data/expires_at").asString()))
                .isEqualTo(at);
        String secret = created.json().at("/data/token").asString();
        assertThat(api.get("/api/v2/assets", secret).status()).isEqualTo(200);

        db.update(UserTable.TOKENS)
                .set(UserTable.TOKEN_EXPIRES_AT, Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MICROS))
                .where(UserTable.TOKEN_ID.eq(created.json().at("/data/id").asLong()))
                .execute();

        ApiResponse expired = api.get("/api/v2/assets", secret);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("message").asString())
                .isEqualTo("the bearer token is unknown, expired or revoked");
    }

    @Test
    void expiresInDaysCountsFromNow() {
        ApiResponse created = createToken(
                aliceToken.plaintext(), "{\"name\": \"x\", \"scopes\": [\"assets:read\"], \"expires_in_days\": 90}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Instant.parse(created.json().at("/data/expires_at").asString()))
                .isBetween(
                        Instant.now().plus(Duration.ofDays(90)).minusSeconds(60),
                        Instant.now().plus(Duration.ofDays(90)));
    }

    @Test
    void aTokenCannotOutliveTheTokenThatCreatesIt() {
        Instant ceiling = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        String shortLived = fixtures.issue(alice, Fixtures.READ_WRITE, ceiling).plaintext();

        ApiResponse longer =
                createToken(shortLived, "{\"name\": \"x\", \"scopes\": [\"assets:read\"], \"expires_in_days\": 1}");
        assertValidationErrors(
                longer,
                Map.of(
                        "expires_in_days",
                        List.of("a token cannot outlive the token that creates it: this one expires at "
                                + JsonValues.datetime(ceiling))));

        ApiResponse inherited = createToken(shortLived, "{\"name\": \"x\", \"scopes\": [\"assets:read\"]}");
        assertThat(inherited.status()).as(inherited.body()).isEqualTo(201);
        assertThat(Instant.parse(inherited.json().at("/data/expires_at").asString()))
                .as("a token without an expiry, created by one with an expiry, expires with it")
                .isEqualTo(ceiling);
    }

    @Test
    void aRevokedTokenIsRefusedOnTheVeryNextRequest() {
        ApiResponse created =
                createToken(aliceToken.plaintext(), "{\"name\": \"laptop\", \"scopes\": [\"assets:read\"]}");
        long id = created.json().at("/data/id").asLong();
        String secret = created.json().at("/data/token").asString();
        assertThat(api.get("/api/v2/assets", secret).status()).isEqualTo(200);

        ApiResponse revoked = api.delete("/api/v2/tokens/" + id, aliceToken.plaintext());

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        assertThat(api.get("/api/v2/assets", secret).status()).isEqualTo(401);
        assertThat(api.get("/api/v2/assets", aliceToken.plaintext()).status())
                .as("the user's other token still works")
                .isEqualTo(200);
        JsonNode listed =
                api.get("/api/v2/tokens/" + id, aliceToken.plaintext()).json();
        assertThat(listed.at("/data/revoked_at").asString()).matches(DATETIME);
        assertThat(api.delete("/api/v2/tokens/" + id, aliceToken.plaintext()).status())
                .as("revoking again changes nothing")
                .isEqualTo(204);
        assertThat(api.get("/api/v2/tokens/" + id, aliceToken.plaintext()).json())
                .isEqualTo(listed);
    }

    @Test
    void theTokenInUseCanRevokeItself() {
        assertThat(api.delete("/api/v2/tokens/" + aliceToken.id(), aliceToken.plaintext())
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/v2/me", aliceToken.plaintext()).status()).isEqualTo(401);
    }

    @Test
    void listsOwnTokensIncludingRevokedOnesWithoutSecretsOrHashes() {
        IssuedToken old = fixtures.issue(alice, EnumSet.of(Scope.ASSETS_READ), null);
        api.delete("/api/v2/tokens/" + old.id(), aliceToken.plaintext());

        ApiResponse list = api.get("/api/v2/tokens", aliceToken.plaintext());

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(ids(list.json().get("data"))).containsExactly(aliceToken.id(), old.id());
        assertThat(list.json().at("/meta/total").asLong()).isEqualTo(2);
        assertThat(list.json().at("/data/1/revoked_at").asString()).matches(DATETIME);
        assertThat(list.json().at("/data/0/revoked_at").isNull()).isTrue();
        assertThat(list.body())
                .doesNotContain(aliceToken.plaintext())
                .doesNotContain(old.plaintext())
                .doesNotContain(storedHash(aliceToken.id()))
                .doesNotContain(storedHash(old.id()));

        ApiResponse second = api.get("/api/v2/tokens?per_page=1&page=2", aliceToken.plaintext());
        assertThat(ids(second.json().get("data"))).containsExactly(old.id());
        assertThat(second.json().at("/meta/last_page").asLong()).isEqualTo(2);
    }

    @Test
    void anotherUsersTokenIsNotFoundForNonAdmins() {
        String missing =
                api.get("/api/v2/tokens/999999999", aliceToken.plaintext()).body();
        for (ApiResponse response : List.of(
                api.get("/api/v2/tokens/" + bobToken.id(), aliceToken.plaintext()),
                api.delete("/api/v2/tokens/" + bobToken.id(), aliceToken.plaintext()))) {
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(missing.replace("999999999", Long.toString(bobToken.id())));
        }
        assertThat(ids(api.get("/api/v2/tokens", aliceToken.plaintext()).json().get("data")))
                .doesNotContain(bobToken.id());
        assertThat(api.get("/api/v2/me", bobToken.plaintext()).status())
                .as("Bob's token was not revoked")
                .isEqualTo(200);
    }

    @Test
    void adminCreatesUsersAndRefusesTakenAndMalformedAddresses() {
        ApiResponse created =
                api.post("/api/v2/users", admin, "{\"name\": \" Ada Lovelace \", \"email\": \"ada@example.com\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode data = created.json().get("data");
        assertThat(data.propertyNames()).containsExactly("id", "uuid", "name", "email", "created_at", "updated_at");
        assertThat(data.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(data.get("email").asString()).isEqualTo("ada@example.com");
        assertThat(created.header("Location"))
                .isEqualTo("/api/v2/users/" + data.get("id").asLong());
        assertThat(api.get(created.header("Location"), admin).json()).isEqualTo(created.json());
        assertThat(api.get("/api/v2/users/" + data.get("uuid").asString(), admin)
                        .json())
                .isEqualTo(created.json());

        ApiResponse taken =
                api.post("/api/v2/users", admin, "{\"name\": \"Other Ada\", \"email\": \"ADA@Example.com\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().get("message").asString())
                .isEqualTo("a user with e-mail address ADA@Example.com exists already");

        assertValidationErrors(
                api.post("/api/v2/users", admin, "{\"name\": \"Ada\", \"email\": \"ada at example.com\"}"),
                Map.of(
                        "email",
                        List.of(
                                "`email` must be an e-mail address such as ada@example.com; got `ada at example.com`")));
    }

    @Test
    void adminListsUsersPageByPage() {
        ApiResponse first = api.get("/api/v2/users?per_page=2", admin);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(ids(first.json().get("data"))).containsExactly(alice.id(), bob.id());
        assertThat(first.json().at("/meta/total").asLong()).isEqualTo(3);
        assertThat(first.json().at("/links/next").asString()).endsWith("/api/v2/users?per_page=2&page=2");
        assertThat(ids(api.get("/api/v2/users?per_page=2&page=2", admin).json().get("data")))
                .containsExactly(root.id());

        ApiResponse sorted = api.get("/api/v2/users?sort=name", admin);
        assertThat(sorted.status()).isEqualTo(400);
        assertThat(sorted.json().get("message").asString())
                .isEqualTo("`sort` is not supported by `/api/v2/users`; it takes only `page` and `per_page`");
    }

    @Test
    void adminListsIssuesAndRevokesAnyonesTokens() {
        ApiResponse bobs = api.get("/api/v2/users/" + bob.id() + "/tokens", admin);
        assertThat(bobs.status()).as(bobs.body()).isEqualTo(200);
        assertThat(ids(bobs.json().get("data"))).containsExactly(bobToken.id());

        ApiResponse issued = api.post(
                "/api/v2/users/" + bob.id() + "/tokens",
                admin,
                "{\"name\": \"from admin\", \"scopes\": [\"assets:read\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String secret = issued.json().at("/data/token").asString();
        assertThat(api.get("/api/v2/me", secret).json().at("/data/id").asLong()).isEqualTo(bob.id());

        assertThat(api.delete("/api/v2/tokens/" + bobToken.id(), admin).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v2/me", bobToken.plaintext()).status()).isEqualTo(401);
        assertThat(api.get("/api/v2/tokens/" + bobToken.id(), admin)
                        .json()
                        .at("/data/revoked_at")
                        .asString())
                .matches(DATETIME);
        assertThat(api.get("/api/v2/users/999999999/tokens", admin).status()).isEqualTo(404);
    }

    @Test
    void adminEndpointsAnswer403WithoutTheAdminScope() {
        String body = "{\"name\": \"Eve\", \"email\": \"eve@example.com\"}";
        List<ApiResponse> refused = List.of(
                api.get("/api/v2/users", aliceToken.plaintext()),
                api.get("/api/v2/users/" + bob.id(), aliceToken.plaintext()),
                api.get("/api/v2/users/999999999", aliceToken.plaintext()),
                api.post("/api/v2/users", aliceToken.plaintext(), body),
                api.get("/api/v2/users/" + bob.id() + "/tokens", aliceToken.plaintext()),
                api.post(
                        "/api/v2/users/" + bob.id() + "/tokens",
                        aliceToken.plaintext(),
                        "{\"name\": \"x\", \"scopes\": [\"assets:read\"]}"));
        for (ApiResponse response : refused) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.json().get("message").asString()).isEqualTo("this token lacks the `admin` scope");
        }
        assertThat(userCount()).isEqualTo(3);
    }

    @Test
    void bodiesThatAreNotJsonOrHaveUnknownFieldsAnswer400() {
        ApiResponse unknown = createToken(
                aliceToken.plaintext(),
                "{\"name\": \"x\", \"scopes\": [\"assets:read\"], \"user_id\": " + bob.id() + "}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString())
                .isEqualTo("unknown field `user_id`; allowed: name, scopes, expires_at, expires_in_days");

        for (String notJson : List.of("name=x", "{\"name\": \"x\",", "[]", "")) {
            ApiResponse refused = createToken(aliceToken.plaintext(), notJson);
            assertThat(refused.status()).as(notJson + ": " + refused.body()).isEqualTo(400);
        }
        ApiResponse unknownUserField = api.post(
                "/api/v2/users", admin, "{\"name\": \"Eve\", \"email\": \"eve@example.com\", \"admin\": true}");
        assertThat(unknownUserField.status()).isEqualTo(400);
        assertThat(unknownUserField.json().get("message").asString())
                .isEqualTo("unknown field `admin`; allowed: name, email");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ApiResponse token = createToken(
                aliceToken.plaintext(),
                "{\"name\": \"\", \"scopes\": [\"admin\"], \"expires_at\": \"next week\", \"expires_in_days\": 0}");
        assertValidationErrors(
                token,
                Map.of(
                        "name",
                        List.of("`name` must be 1 to 255 characters long (trimmed)"),
                        "scopes",
                        List.of("this token does not hold scope `admin`, so it cannot grant it; it may grant:"
                                + " collections:read, collections:write, assets:read, assets:write"),
                        "expires_at",
                        List.of("`expires_at` must be an ISO-8601 date-time (`2030-01-31T13:45:00Z`), a date and"
                                + " time (`2030-01-31 13:45:00`, UTC) or a date (`2030-01-31`, midnight UTC);"
                                + " got `next week`"),
                        "expires_in_days",
                        List.of(
                                "`expires_in_days` must be a whole number from 1 to 36500",
                                "give either `expires_at` or `expires_in_days`, not both")));
        assertThat(token.json().get("message").asString())
                .isEqualTo("`name` must be 1 to 255 characters long (trimmed) (and 4 more errors)");

        assertValidationErrors(
                createToken(
                        aliceToken.plaintext(),
                        "{\"name\": \"far\", \"scopes\": [\"assets:read\"], \"expires_at\": \"+300000-01-01T00:00:00Z\"}"),
                Map.of(
                        "expires_at",
                        List.of("`expires_at` must lie in the years 1 to 9999; got `+300000-01-01T00:00:00Z`")));

        assertValidationErrors(
                api.post("/api/v2/users", admin, "{\"name\": 5, \"email\": null}"),
                Map.of("name", List.of("`name` must be a string"), "email", List.of("`email` is required")));
        assertThat(userCount()).isEqualTo(3);
    }

    @Test
    void idempotencyKeyReplaysTheSameTokenWithoutKeepingItsSecretReadable() {
        String body = "{\"name\": \"deploy\", \"scopes\": [\"assets:read\"]}";
        ApiResponse first = createToken(aliceToken.plaintext(), body, "Idempotency-Key", "deploy-1");
        long before = tokenCount();

        ApiResponse again = createToken(aliceToken.plaintext(), body, "Idempotency-Key", "deploy-1");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Cache-Control")).isEqualTo("no-store");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(tokenCount()).as("no second token").isEqualTo(before);

        String secret = first.json().at("/data/token").asString();
        assertThat(db.fetch("select * from api_tokens").formatCSV()).doesNotContain(secret.substring(3));
        List<byte[]> kept =
                db.fetch("select response_body from idempotency_keys").getValues(0, byte[].class);
        assertThat(kept).hasSize(1);
        assertThat(new String(kept.get(0), StandardCharsets.ISO_8859_1))
                .as("the kept response is sealed")
                .doesNotContain(secret.substring(3))
                .doesNotContain("deploy");

        String otherToken = fixtures.token(alice, Fixtures.READ_WRITE);
        before = tokenCount();
        ApiResponse otherCredentials = createToken(otherToken, body, "Idempotency-Key", "deploy-1");
        assertValidationErrors(
                otherCredentials,
                Map.of(
                        "Idempotency-Key",
                        List.of("the response to this `Idempotency-Key` can only be replayed to the credentials"
                                + " that sent the first request; use a new key")));
        assertThat(tokenCount()).isEqualTo(before);
    }

    @Test
    void idempotencyKeyReplaysTheSameNewUser() {
        String body = "{\"name\": \"Grace\", \"email\": \"grace@example.com\"}";
        ApiResponse first = api.post("/api/v2/users", admin, body, "Idempotency-Key", "grace");
        ApiResponse again = api.post("/api/v2/users", admin, body, "Idempotency-Key", "grace");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(userCount()).isEqualTo(4);
    }

    private ApiResponse createToken(String bearer, String json, String... headers) {
        return api.post("/api/v2/tokens", bearer, json, headers);
    }

    private static void assertValidationErrors(ApiResponse response, Map<String, List<String>> errors) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode body = response.json();
        assertThat(body.get("errors").propertyNames())
                .as(response.body())
                .containsExactlyInAnyOrderElementsOf(errors.keySet());
        errors.forEach((field, messages) ->
                assertThat(texts(body.get("errors").get(field))).as(field).containsExactlyElementsOf(messages));
        if (errors.size() == 1 && errors.values().iterator().next().size() == 1) {
            assertThat(body.get("message").asString())
                    .isEqualTo(errors.values().iterator().next().get(0));
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    private static List<Long> ids(JsonNode data) {
        return StreamSupport.stream(data.spliterator(), false)
                .map(item -> item.get("id").asLong())
                .toList();
    }

    private String storedHash(long tokenId) {
        return db.select(UserTable.TOKEN_HASH)
                .from(UserTable.TOKENS)
                .where(UserTable.TOKEN_ID.eq(tokenId))
                .fetchOne(UserTable.TOKEN_HASH);
    }

    private long tokenCount() {
        return db.fetchCount(UserTable.TOKENS);
    }

    private long userCount() {
        return db.fetchCount(UserTable.USERS);
    }
}
