package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.COLLECTION_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.users.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Laravel paginator envelope of GET /api/v2/collections, paging parameters, and exact totals. */
abstract class CollectionsPagingContract extends CollectionsContract {

    private User alice;
    private User bob;
    private String token;

    @BeforeEach
    void people() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        token = fixtures.token(alice);
    }

    private List<Long> visible(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(fixtures.collection(bob, "Visible " + i).publicOne().create());
            fixtures.collection(bob, "Hidden " + i).create();
        }
        return ids;
    }

    private static String link(String url, String label, boolean active) {
        return "{\"url\": " + (url == null ? "null" : "\"" + url + "\"") + ", \"label\": \"" + label
                + "\", \"active\": " + active + "}";
    }

    @Test
    void describesAnEmptyResult() {
        fixtures.collection(bob, "Hidden").create();

        ApiResponse response = list(token);
        String first = url("page=1");
        assertThat(response.json()).isEqualTo(json("""
                {"data": [],
                 "links": {"first": "%s", "last": "%s", "prev": null, "next": null},
                 "meta": {"current_page": 1, "from": null, "last_page": 1, "links": [%s, %s, %s],
                          "path": "%s", "per_page": 25, "to": null, "total": 0}}
                """.formatted(
                        first,
                        first,
                        link(null, "&laquo; Previous", false),
                        link(first, "1", true),
                        link(null, "Next &raquo;", false),
                        url(""))));
        assertThat(response.json().propertyNames()).containsExactly("data", "links", "meta");
        assertThat(response.json().get("meta").propertyNames())
                .containsExactly("current_page", "from", "last_page", "links", "path", "per_page", "to", "total");
    }

    @Test
    void describesASinglePage() {
        List<Long> ids = visible(3);

        ApiResponse response = list(token);
        assertThat(ids(response)).containsExactlyElementsOf(ids);
        String first = url("page=1");
        assertThat(response.json().get("links")).isEqualTo(json("""
                {"first": "%s", "last": "%s", "prev": null, "next": null}""".formatted(first, first)));
        assertThat(response.json().get("meta")).isEqualTo(json("""
                {"current_page": 1, "from": 1, "last_page": 1, "links": [%s, %s, %s],
                 "path": "%s", "per_page": 25, "to": 3, "total": 3}
                """.formatted(
                        link(null, "&laquo; Previous", false),
                        link(first, "1", true),
                        link(null, "Next &raquo;", false),
                        url(""))));
    }

    @Test
    void describesAMiddlePageOfMany() {
        List<Long> ids = visible(7);

        ApiResponse response = list(token, "per_page", "2", "page", "2");
        assertThat(ids(response)).containsExactly(ids.get(2), ids.get(3));
        String[] page = new String[5];
        for (int p = 1; p <= 4; p++) {
            page[p] = url("per_page=2&page=" + p);
        }
        assertThat(response.json().get("links")).isEqualTo(json("""
                {"first": "%s", "last": "%s", "prev": "%s", "next": "%s"}""".formatted(page[1], page[4], page[1], page[3])));
        assertThat(response.json().get("meta")).isEqualTo(json("""
                {"current_page": 2, "from": 3, "last_page": 4, "links": [%s, %s, %s, %s, %s, %s],
                 "path": "%s", "per_page": 2, "to": 4, "total": 7}
                """.formatted(
                        link(page[1], "&laquo; Previous", false),
                        link(page[1], "1", false),
                        link(page[2], "2", true),
                        link(page[3], "3", false),
                        link(page[4], "4", false),
                        link(page[3], "Next &raquo;", false),
                        url(""))));
    }

    @Test
    void describesTheLastPageAndPagesPastIt() {
        List<Long> ids = visible(7);

        ApiResponse last = list(token, "per_page", "2", "page", "4");
        assertThat(ids(last)).containsExactly(ids.get(6));
        assertThat(last.json().at("/meta/from").asLong()).isEqualTo(7);
        assertThat(last.json().at("/meta/to").asLong()).isEqualTo(7);
        assertThat(last.json().at("/links/next").isNull()).isTrue();
        assertThat(last.json().at("/links/prev").asString()).isEqualTo(url("per_page=2&page=3"));

        ApiResponse past = list(token, "per_page", "2", "page", "9");
        assertThat(past.status()).isEqualTo(200);
        assertThat(ids(past)).isEmpty();
        JsonNode meta = past.json().get("meta");
        assertThat(meta.get("current_page").asLong()).isEqualTo(9);
        assertThat(meta.get("from").isNull() && meta.get("to").isNull()).isTrue();
        assertThat(meta.get("last_page").asLong()).isEqualTo(4);
        assertThat(meta.get("total").asLong()).isEqualTo(7);
        assertThat(past.json().at("/links/prev").asString()).isEqualTo(url("per_page=2&page=8"));
        assertThat(past.json().at("/links/next").isNull()).isTrue();
        assertThat(meta.get("links").findValues("active")).allMatch(active -> !active.asBoolean());
        assertThat(meta.get("links").findValuesAsString("label"))
                .containsExactly("&laquo; Previous", "1", "2", "3", "4", "Next &raquo;");
    }

    @Test
    void windowsTheLinksOfManyPagesLikeLaravel() {
        visible(16);

        JsonNode links = list(token, "per_page", "1", "page", "8").json().at("/meta/links");
        assertThat(links.findValuesAsString("label"))
                .containsExactly(
                        "&laquo; Previous",
                        "1",
                        "2",
                        "...",
                        "5",
                        "6",
                        "7",
                        "8",
                        "9",
                        "10",
                        "11",
                        "...",
                        "15",
                        "16",
                        "Next &raquo;");
        assertThat(links.get(3)).isEqualTo(json(link(null, "...", false)));
        assertThat(links.get(7)).isEqualTo(json(link(url("per_page=1&page=8"), "8", true)));
        assertThat(links.get(13)).isEqualTo(json(link(url("per_page=1&page=16"), "16", false)));
    }

    @Test
    void keepsTheCallersOtherParametersInEveryLink() {
        fixtures.collection(bob, "Ärger x 1").publicOne().create();
        fixtures.collection(bob, "Ärger x 2").publicOne().create();
        fixtures.collection(bob, "Ärger x 3").publicOne().create();

        ApiResponse response = list(
                token,
                "filter[name]",
                "Ärger x",
                "fields[collections]",
                "id,name",
                "sort",
                "-id",
                "per_page",
                "1",
                "utm_source",
                "a b&c",
                "page",
                "2");
        String others = "filter%5Bname%5D=%C3%84rger%20x&fields%5Bcollections%5D=id%2Cname&sort=-id&per_page=1"
                + "&utm_source=a%20b%26c&page=";
        assertThat(response.json().get("links"))
                .isEqualTo(json("""
                {"first": "%s", "last": "%s", "prev": "%s", "next": "%s"}""".formatted(url(others + 1), url(others + 3), url(others + 1), url(others + 3))));
        assertThat(response.json().at("/meta/links").findValuesAsString("url"))
                .containsExactly(url(others + 1), url(others + 1), url(others + 2), url(others + 3), url(others + 3));
        assertThat(response.json().at("/meta/path").asString()).isEqualTo(url(""));
        assertThat(list(token, "filter[name]", "x 1").json().at("/links/first").asString())
                .as("page is added when the caller did not send it")
                .isEqualTo(url("filter%5Bname%5D=x%201&page=1"));
    }

    @Test
    void pagesTwentyFiveByDefaultAndAtMostOneThousand() {
        visible(27);

        assertThat(ids(list(token))).hasSize(25);
        assertThat(list(token).json().at("/meta/last_page").asLong()).isEqualTo(2);
        ApiResponse most = list(token, "per_page", "1000");
        assertThat(ids(most)).hasSize(27);
        assertThat(most.json().at("/meta/per_page").asLong()).isEqualTo(1000);
        assertThat(ids(list(token, "per_page", "1"))).hasSize(1);
        for (String bad : new String[] {"0", "1001", "-5", "2.5", "abc", ""}) {
            assertBadRequest(
                    list(token, "per_page", bad),
                    "per_page",
                    "`per_page` must be a whole number from 1 to 1000, got `" + bad + "`");
        }
        assertThat(ids(list(token, "per_page", "1000", "page", "2147483647"))).isEmpty();
        for (String bad : new String[] {"0", "abc", "99999999999"}) {
            assertBadRequest(
                    list(token, "page", bad),
                    "page",
                    "`page` must be a whole number from 1 to 2147483647, got `" + bad + "`");
        }
    }

    private long total(String token, String... pairs) {
        ApiResponse response = list(token, pairs);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().at("/meta/total").asLong();
    }

    @Test
    void countsOnlyWhatTheCallerMaySee() {
        visible(3);
        fixtures.collection(alice, "Own secret").create();

        assertThat(total(token, "per_page", "1")).isEqualTo(4);
        assertThat(list(token, "per_page", "1").json().at("/meta/last_page").asLong())
                .isEqualTo(4);
        assertThat(total(fixtures.token(bob), "per_page", "1")).isEqualTo(6);
        assertThat(total(token, "per_page", "1", "filter[name]", "hidden")).isZero();
    }

    @Test
    void keepsTotalsExactWhenRowsChangeBetweenIdenticalRequests() {
        visible(3);
        String[] query = {"per_page", "1", "filter[name]", "visible"};
        String[] search = {"per_page", "1", "search", "visible"};
        assertThat(total(token, query)).isEqualTo(3);
        assertThat(total(token, search)).isEqualTo(3);

        long added = fixtures.collection(bob, "Visible 4").publicOne().create();
        assertThat(total(token, query)).isEqualTo(4);
        assertThat(total(token, search)).isEqualTo(4);

        long secret = fixtures.collection(bob, "Visible secret").create();
        assertThat(total(token, query)).isEqualTo(4);
        fixtures.share(secret, alice);
        assertThat(total(token, query)).isEqualTo(5);

        db.deleteFrom(COLLECTIONS).where(CollectionTable.ID.eq(added)).execute();
        assertThat(total(token, query)).isEqualTo(4);
        assertThat(total(token, search)).isEqualTo(4);

        db.update(COLLECTIONS)
                .set(COLLECTION_TYPE, "private")
                .where(CollectionTable.NAME.eq("Visible 1"))
                .execute();
        assertThat(total(token, query)).isEqualTo(3);
    }

    @Test
    void keepsTotalsOfDifferentQueriesApart() {
        for (int i = 1; i <= 3; i++) {
            fixtures.collection(bob, "x|search=y " + i).publicOne().create();
        }
        fixtures.collection(bob, "x y search").publicOne().create();

        assertThat(total(token, "per_page", "1", "filter[name]", "x|search=y")).isEqualTo(3);
        ApiResponse lookalike = list(token, "per_page", "1000", "filter[name]", "x", "search", "y|search=");
        assertThat(lookalike.json().at("/meta/total").asLong())
                .isEqualTo(ids(lookalike).size());
    }
}
