package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.collections.VisibilityWorld.Asset;
import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.collections.VisibilityWorld.Member;
import com.assetcollections.collections.VisibilityWorld.Person;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a world through the write API, as clients would: users and their tokens by an admin,
 * collections, shares and memberships by their owners. Each answer is checked, and the model
 * records what the API answered — ids, uuids and timestamps are the server's, not the generated
 * ones. The API refuses to share a collection with its owner (422), so such generated shares are
 * tried, checked to be refused, and left out of the model.
 */
final class ApiWorldWriter implements WorldWriter {

    /** What every generated user's token may do: read everything, write collections. */
    static final List<String> SCOPES = List.of("collections:read", "collections:write", "assets:read");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApiClient api;
    private final Fixtures fixtures;
    private final String context;
    private final String adminToken;
    private final Map<Long, Person> people = new LinkedHashMap<>();

    /** @param context says which run a failure belongs to, e.g. "seed 42" */
    ApiWorldWriter(ApiClient api, Fixtures fixtures, String context) {
        this.api = api;
        this.fixtures = fixtures;
        this.context = context;
        // the one user not made through the API: someone has to hold the first admin token
        User admin = fixtures.user("Admin");
        this.adminToken = fixtures.token(admin, EnumSet.allOf(Scope.class));
    }

    @Override
    public Person person(String name) {
        Map<String, Object> body = Map.of("name", name, "email", "person." + (people.size() + 1) + "@example.com");
        JsonNode user = expect(201, api.post("/api/v2/users", adminToken, json(body)), "create user " + body)
                .json()
                .get("data");
        long id = user.get("id").asLong();
        Map<String, Object> tokenBody = Map.of("name", "property test", "scopes", SCOPES);
        String token = expect(
                        201,
                        api.post("/api/v2/users/" + id + "/tokens", adminToken, json(tokenBody)),
                        "issue a token for user " + id)
                .json()
                .at("/data/token")
                .asString();
        Person person = new Person(
                new User(
                        id,
                        UUID.fromString(user.get("uuid").asString()),
                        user.get("name").asString(),
                        user.get("email").asString(),
                        instant(user.get("created_at")),
                        instant(user.get("updated_at"))),
                token);
        assertThat(person.user().name()).as("%s: name of user %d", context, id).isEqualTo(name);
        people.put(id, person);
        return person;
    }

    /** Still straight into the database: the asset write API is not merged yet. Swap this one call then. */
    @Override
    public Asset asset(Asset planned) {
        long id = fixtures.asset(people.get(planned.ownerId()).user(), planned.name())
                .type(planned.type())
                .mime(planned.mimeType())
                .description(planned.description())
                .tags(planned.tags().toArray(String[]::new))
                .created(planned.createdAt())
                .updated(planned.updatedAt())
                .uuid(planned.uuid())
                .create();
        return new Asset(
                id,
                planned.uuid(),
                planned.ownerId(),
                planned.name(),
                planned.description(),
                planned.type(),
                planned.mimeType(),
                planned.tags(),
                planned.createdAt(),
                planned.updatedAt());
    }

    /** Members are added in their collection order in one request, so they get positions 1..n. */
    @Override
    public Coll collection(Coll planned, List<Member> members) {
        String owner = people.get(planned.ownerId()).token();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", planned.name());
        body.put("description", planned.description());
        body.put("collection_type", planned.type());
        JsonNode data = expect(201, api.post("/api/v2/collections", owner, json(body)), "create " + body)
                .json()
                .get("data");
        long id = data.get("id").asLong();
        Map<Long, String> shares = new LinkedHashMap<>();
        planned.shares().forEach((userId, level) -> {
            if (share(id, owner, userId, level, userId == planned.ownerId())) {
                shares.put(userId, level);
            }
        });
        String path = "/api/v2/collections/" + id;
        if (!members.isEmpty()) {
            data = expect(
                            200,
                            api.post(path + "/assets", owner, json(Map.of("asset_ids", planned.assetIds()))),
                            "add the assets of collection " + id)
                    .json()
                    .get("data");
        } else if (!shares.isEmpty()) {
            // sharing moved updated_at
            data = expect(200, api.get(path, owner), "read collection " + id)
                    .json()
                    .get("data");
        }
        Coll written = new Coll(
                id,
                UUID.fromString(data.get("uuid").asString()),
                data.get("owner_id").asLong(),
                data.get("name").asString(),
                text(data.get("description")),
                data.get("collection_type").asString().equals("public"),
                instant(data.get("created_at")),
                instant(data.get("updated_at")),
                shares,
                planned.assetIds());
        assertThat(written)
                .as("%s: collection %d as created", context, id)
                .isEqualTo(new Coll(
                        id,
                        written.uuid(),
                        planned.ownerId(),
                        planned.name(),
                        planned.description(),
                        planned.isPublic(),
                        written.createdAt(),
                        written.updatedAt(),
                        shares,
                        planned.assetIds()));
        assertThat(data.get("assets_count").asInt())
                .as("%s: assets_count of collection %d", context, id)
                .isEqualTo(members.size());
        return written;
    }

    /** Whether the share was made: sharing with the owner is refused. */
    private boolean share(long collectionId, String ownerToken, long userId, String level, boolean withOwner) {
        String what = "share collection " + collectionId + " with user " + userId + " at " + level;
        ApiResponse response = api.post(
                "/api/v2/collections/" + collectionId + "/shares",
                ownerToken,
                json(Map.of("user_id", userId, "level", level)));
        if (withOwner) {
            expect(422, response, what + " (its owner)");
            assertThat(response.json().at("/errors/user_id/0").asString())
                    .as("%s: %s", context, what)
                    .isEqualTo("the owner already has every right to their collection");
            return false;
        }
        JsonNode share = expect(201, response, what).json().get("data");
        assertThat(share.get("level").asString()).as("%s: %s", context, what).isEqualTo(level);
        return true;
    }

    private ApiResponse expect(int status, ApiResponse response, String what) {
        assertThat(response.status())
                .as("%s: %s: %s", context, what, response.body())
                .isEqualTo(status);
        return response;
    }

    static Instant instant(JsonNode datetime) {
        return Instant.parse(datetime.asString());
    }

    /** A string field that may be null. */
    static String text(JsonNode node) {
        return node.isNull() ? null : node.asString();
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /** A request body; nulls are kept (they clear a field). */
    static String json(Object body) {
        return JSON.writeValueAsString(body);
    }
}
