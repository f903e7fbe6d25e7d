package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.users.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Walking all pages: a stable order with offset pages, and cursor pages that agree with them. */
abstract class CollectionsCursorContract extends CollectionsContract {

    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");
    private static final String[] NAMES = {"alpha", "Beta", "gamma", "ALPHA"};

    private User alice;
    private User bob;
    private String token;

    @BeforeEach
    void people() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        token = fixtures.token(alice);
    }

    /** 26 rows with ties in every sortable field but id and uuid; returns the ids Alice may see. */
    private List<Long> rowsWithTies() {
        List<Long> visible = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            User owner = i % 2 == 0 ? alice : bob;
            boolean isPublic = i % 3 != 0;
            var builder = fixtures.collection(owner, NAMES[i % 4])
                    .created(T.plusSeconds(i % 4))
                    .updated(T.plusNanos((i % 3) * 1000L));
            long id = (isPublic ? builder.publicOne() : builder).create();
            if (!isPublic && owner == bob && i % 9 == 3) {
                fixtures.share(id, alice);
            }
            if (isPublic || owner == alice || i % 9 == 3) {
                visible.add(id);
            }
        }
        return visible;
    }

    private List<List<Long>> offsetPages(String sort) {
        return offsetPages("sort", sort, "per_page", "4");
    }

    private List<List<Long>> offsetPages(String... query) {
        List<List<Long>> pages = new ArrayList<>();
        for (int page = 1; page <= 50; page++) {
            String[] pairs = Arrays.copyOf(query, query.length + 2);
            pairs[query.length] = "page";
            pairs[query.length + 1] = "" + page;
            List<Long> ids = ids(list(token, pairs));
            if (ids.isEmpty()) {
                return pages;
            }
            pages.add(ids);
        }
        throw new AssertionError("more than 50 pages");
    }

    private ApiResponse follow(String link) {
        assertThat(link).startsWith(api.base());
        return api.get(link.substring(api.base().length()), token);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "collection_type",
                "-collection_type",
                "name",
                "-name,owner_id",
                "created_at,-owner_id",
                "-updated_at",
                "-owner_id,-created_at"
            })
    void walksEveryVisibleRowExactlyOnceAcrossOffsetPages(String sort) {
        List<Long> visible = rowsWithTies();

        List<Long> walked = offsetPages(sort).stream().flatMap(List::stream).toList();
        assertThat(walked).containsExactlyInAnyOrderElementsOf(visible);
        assertThat(list(token, "sort", sort, "per_page", "4")
                        .json()
                        .at("/meta/total")
                        .asLong())
                .isEqualTo(visible.size());
    }

    @Test
    void walksEveryMatchOfARankedSearchExactlyOnce() {
        rowsWithTies();
        List<Long> alphas = ids(list(token, "filter[name]", "alpha", "per_page", "100"));

        List<Long> walked = offsetPages("search", "alpha", "per_page", "3").stream()
                .flatMap(List::stream)
                .toList();
        assertThat(walked).as("equal ranks, so ties by id").containsExactlyElementsOf(alphas);
    }

    @ParameterizedTest
    @CsvSource({
        "collection_type, 4",
        "'-name,owner_id', 5",
        "'created_at,-owner_id', 7",
        "-updated_at, 4",
        "uuid, 5",
        "-id, 24",
        "name, 30"
    })
    void cursorPagesMatchOffsetPagesForwardAndBack(String sort, String perPage) {
        rowsWithTies();
        List<List<Long>> offset = offsetPages("sort", sort, "per_page", perPage, "fields[collections]", "id");

        List<List<Long>> forward = new ArrayList<>();
        ApiResponse response =
                list(token, "sort", sort, "per_page", perPage, "fields[collections]", "id", "cursor", "");
        assertThat(response.json().at("/meta/prev_cursor").isNull()).isTrue();
        while (true) {
            forward.add(ids(response));
            assertThat(forward).hasSizeLessThanOrEqualTo(offset.size());
            if (response.json().at("/links/next").isNull()) {
                break;
            }
            response = follow(response.json().at("/links/next").asString());
        }
        assertThat(forward).isEqualTo(offset);

        List<List<Long>> backward = new ArrayList<>();
        while (!response.json().at("/links/prev").isNull()) {
            response = follow(response.json().at("/links/prev").asString());
            backward.add(0, ids(response));
            assertThat(backward).hasSizeLessThan(offset.size());
        }
        assertThat(backward).isEqualTo(offset.subList(0, offset.size() - 1));
    }

    @Test
    void writesTheCursorPaginatorEnvelope() {
        rowsWithTies();

        ApiResponse first = list(token, "sort", "-name", "per_page", "4", "cursor", "");
        String next = first.json().at("/meta/next_cursor").asString();
        assertThat(next).matches("[A-Za-z0-9_-]+");
        assertThat(first.json().get("links"))
                .isEqualTo(json("""
                {"first": null, "last": null, "prev": null, "next": "%s"}""".formatted(url("sort=-name&per_page=4&cursor=" + next))));
        assertThat(first.json().get("meta")).isEqualTo(json("""
                {"path": "%s", "per_page": 4, "next_cursor": "%s", "prev_cursor": null}""".formatted(url(""), next)));

        ApiResponse second = list(token, "sort", "-name", "per_page", "4", "cursor", next, "page", "3");
        String prev = second.json().at("/meta/prev_cursor").asString();
        assertThat(second.json().at("/links/prev").asString()).isEqualTo(url("sort=-name&per_page=4&cursor=" + prev));
        assertThat(ids(second)).isEqualTo(offsetPages("-name").get(1));
        assertThat(ids(list(token, "sort", "-name", "per_page", "4", "cursor", prev)))
                .isEqualTo(ids(first));
    }

    @Test
    void startsWithAnEmptyCursorAndEndsWithoutOne() {
        ApiResponse empty = list(token, "cursor", "");
        assertThat(empty.json()).isEqualTo(json("""
                {"data": [], "links": {"first": null, "last": null, "prev": null, "next": null},
                 "meta": {"path": "%s", "per_page": 25, "next_cursor": null, "prev_cursor": null}}""".formatted(url(""))));

        long only = fixtures.collection(alice, "Only").create();
        ApiResponse single = list(token, "cursor", "");
        assertThat(ids(single)).containsExactly(only);
        assertThat(single.json().at("/meta/next_cursor").isNull()).isTrue();
    }

    @Test
    void rejectsACursorMadeForAnotherSort() {
        rowsWithTies();
        String next = list(token, "sort", "name", "per_page", "4", "cursor", "")
                .json()
                .at("/meta/next_cursor")
                .asString();

        String message = "the cursor was made for another sort; keep the sort of the request that returned it";
        assertBadRequest(list(token, "sort", "-name", "per_page", "4", "cursor", next), "cursor", message);
        assertBadRequest(list(token, "per_page", "4", "cursor", next), "cursor", message);
        assertThat(list(token, "sort", "name", "per_page", "4", "cursor", next).status())
                .isEqualTo(200);
    }

    @Test
    void rejectsGarbageCursors() {
        String malformed = "the cursor is malformed; use the next_cursor or prev_cursor of a previous response";
        for (String garbage : new String[] {"not-a-cursor", "%%%", "eyJ9", "AAAA", "a b"}) {
            assertBadRequest(list(token, "sort", "name", "cursor", garbage), "cursor", malformed);
        }
        String wrongKeys = base64("{\"s\":\"name,id\",\"d\":\"next\",\"k\":[\"alpha\"]}");
        assertBadRequest(list(token, "sort", "name", "cursor", wrongKeys), "cursor", "the cursor is malformed");
        String wrongType = base64("{\"s\":\"created_at,id\",\"d\":\"next\",\"k\":[\"yesterday\",1]}");
        assertBadRequest(list(token, "sort", "created_at", "cursor", wrongType), "cursor", "the cursor is malformed");
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pagesSearchesByCursorOnlyWithAnExplicitSort() {
        long first = fixtures.collection(alice, "Paintings one").create();
        long second = fixtures.collection(alice, "Paintings two").create();
        fixtures.collection(alice, "Sculptures").create();

        assertBadRequest(
                list(token, "search", "painting", "cursor", ""),
                "cursor",
                "cursor paging needs an explicit `sort`; results ranked by relevance are paged with `page`");
        ApiResponse page = list(token, "search", "painting", "sort", "-id", "per_page", "1", "cursor", "");
        assertThat(ids(page)).containsExactly(second);
        assertThat(ids(follow(page.json().at("/links/next").asString()))).containsExactly(first);
        assertThat(page.json().at("/links/next").asString()).contains("search=painting&sort=-id&per_page=1&cursor=");
    }
}
