package com.assetcollections.assets;

import static com.assetcollections.assets.AssetsContract.ids;
import static com.assetcollections.assets.AssetsContract.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Relevance of asset searches (name, then description, then tags) and the owner and collections includes. */
abstract class AssetsSearchAndIncludesContract extends ApiTestBase {

    private User alice;
    private User bob;
    private String token;
    private long tagged;
    private long described;
    private long named;
    private long board;

    @BeforeEach
    void harbourInDifferentPlaces() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        token = fixtures.token(bob);
        // created in reverse order of relevance, so that ranking by id would fail
        tagged = fixtures.asset(alice, "Blue boat")
                .description("A boat at sea")
                .tags("harbour", "boats")
                .create();
        described = fixtures.asset(bob, "Red crane")
                .description("A crane in the old harbour")
                .tags("cranes")
                .create();
        named = fixtures.asset(alice, "Harbour at night")
                .description("Lights on the water")
                .tags("night")
                .create();
        for (String name : List.of("Green field", "Yellow house", "Grey wall", "White cliff")) {
            fixtures.asset(bob, name).description("Nothing to see").tags("misc").create();
        }
        board = fixtures.collection(alice, "Board").publicOne().create();
        fixtures.member(board, tagged, 1);
        fixtures.member(board, described, 2);
        fixtures.member(board, named, 3);
    }

    @Test
    void ranksNameMatchesBeforeDescriptionMatchesBeforeTagMatches() {
        assertThat(ids(list(Map.of("search", "harbour")))).containsExactly(named, described, tagged);
        assertThat(ids(list(Map.of("search", "HARBOURS")))).as("stemmed").containsExactly(named, described, tagged);
        assertThat(ids(list(Map.of("search", "harbour", "sort", "id")))).containsExactly(tagged, described, named);
    }

    @Test
    void findsTheStartOfAWordTypedLastRankingWholeWordsFirst() {
        assertThat(ids(list(Map.of("search", "harb")))).containsExactly(named, described, tagged);
        assertThat(ids(list(Map.of("search", "harbour cra")))).containsExactly(described);
        assertThat(ids(list(Map.of("search", "boat")))).as("whole words first").containsExactly(tagged);
        long boathouse = fixtures.asset(alice, "Boathouse").create();
        assertThat(ids(list(Map.of("search", "boat")))).containsExactly(tagged, boathouse);
    }

    @Test
    void ranksTheContentsOfACollectionTooUnlessSorted() {
        String path = "/api/v2/collections/" + board + "/assets";
        assertThat(ids(api.get(path, token, Map.of("search", "harbour")))).containsExactly(named, described, tagged);
        assertThat(ids(api.get(path, token, Map.of("search", "harbour", "sort", "-name"))))
                .containsExactly(described, named, tagged);
        assertThat(ids(api.get(path, token, Map.of("search", "crane OR night"))))
                .containsExactlyInAnyOrder(described, named);
    }

    @Test
    void embedsTheOwnerNarrowedByItsSparseFields() {
        ApiResponse full = list(Map.of("include", "owner", "filter[id]", tagged + "," + described));
        assertThat(full.json().at("/data/0/owner").toString())
                .isEqualTo("{\"id\":" + alice.id() + ",\"name\":\"Alice\"}");
        assertThat(full.json().at("/data/1/owner").toString()).isEqualTo("{\"id\":" + bob.id() + ",\"name\":\"Bob\"}");

        ApiResponse narrowed = list(Map.of("include", "owner", "fields[users]", "name", "fields[assets]", "id"));
        for (JsonNode item : narrowed.json().get("data").values()) {
            assertThat(names(item)).containsExactly("id", "owner");
            assertThat(names(item.get("owner"))).containsExactly("name");
        }

        ApiResponse one =
                api.get("/api/v2/assets/" + described, token, Map.of("include", "owner", "fields[users]", "name,id"));
        assertThat(one.json().at("/data/owner").toString()).isEqualTo("{\"id\":" + bob.id() + ",\"name\":\"Bob\"}");

        ApiResponse contents = api.get(
                "/api/v2/collections/" + board + "/assets", token, Map.of("include", "owner", "fields[users]", "id"));
        assertThat(contents.json().at("/data/2/owner").toString()).isEqualTo("{\"id\":" + alice.id() + "}");
    }

    @Test
    void sparseFieldsOfAnOwnerThatIsNotIncludedEmbedNothing() {
        ApiResponse response = list(Map.of("fields[users]", "name", "filter[id]", Long.toString(named)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(names(response.json().at("/data/0"))).doesNotContain("owner");
    }

    @Test
    void refusesUserFieldsOutsideTheSlimSchema() {
        ApiResponse response = list(Map.of("include", "owner", "fields[users]", "email"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString())
                .isEqualTo("unknown field `email` in fields[users]; fields: id, name");
    }

    @Test
    void embedsAtMostAHundredVisibleCollectionsByIdAndCountsAllOfThem() {
        List<Long> visible = new ArrayList<>();
        db.transaction(configuration -> {
            for (int i = 0; i < 102; i++) {
                var collection = fixtures.collection(i % 2 == 0 ? alice : bob, "Shelf " + i);
                long id = (i % 2 == 0 ? collection.publicOne() : collection).create();
                fixtures.member(id, named, i);
                visible.add(id);
            }
            long hidden = fixtures.collection(alice, "Hidden shelf").create();
            fixtures.member(hidden, named, 200);
        });
        visible.add(0, board);

        ApiResponse response = api.get(
                "/api/v2/assets/" + named, token, Map.of("include", "collections", "fields[collections]", "id"));

        JsonNode data = response.json().get("data");
        List<Long> embedded = data.get("collections").values().stream()
                .map(c -> c.get("id").asLong())
                .toList();
        assertThat(embedded).containsExactlyElementsOf(visible.subList(0, 100));
        assertThat(data.get("collections_count").asLong()).isEqualTo(103);
        assertThat(response.body()).doesNotContain("Hidden shelf");
    }

    private ApiResponse list(Map<String, String> query) {
        return api.get("/api/v2/assets", token, query);
    }
}
