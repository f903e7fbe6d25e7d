package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The envelope against Laravel's LengthAwarePaginator and UrlWindow (onEachSide = 3). */
class PageEnvelopeTest {

    private static final String PATH = "https://api.example.com/api/v2/collections";

    private static PageLinks links(String... pairs) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/collections");
        for (int i = 0; i < pairs.length; i += 2) {
            request.addParameter(pairs[i], pairs[i + 1]);
        }
        return PageLinks.of("https://api.example.com", request);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> envelope) {
        return (Map<String, Object>) envelope.get("meta");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> linkBlock(Map<String, Object> envelope) {
        return (Map<String, Object>) envelope.get("links");
    }

    /** meta.links as text: « and » for the ends, a * after the active page. */
    @SuppressWarnings("unchecked")
    private static String window(long page, long lastPage) {
        List<?> data = page <= lastPage ? List.of("row") : List.of();
        List<Map<String, Object>> items = (List<Map<String, Object>>)
                meta(PageEnvelope.offset(data, lastPage, page, 1, links())).get("links");
        return items.stream()
                .map(item -> item.get("label")
                                .toString()
                                .replace("&laquo; Previous", "«")
                                .replace("Next &raquo;", "»")
                        + (Boolean.TRUE.equals(item.get("active")) ? "*" : ""))
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "page {0} of {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1   | 1   | « 1* »",
                "2   | 1   | « 1 »",
                "7   | 13  | « 1 2 3 4 5 6 7* 8 9 10 11 12 13 »",
                "13  | 13  | « 1 2 3 4 5 6 7 8 9 10 11 12 13* »",
                "1   | 14  | « 1* 2 3 4 5 6 7 8 9 10 ... 13 14 »",
                "7   | 14  | « 1 2 3 4 5 6 7* 8 9 10 ... 13 14 »",
                "8   | 14  | « 1 2 ... 5 6 7 8* 9 10 11 12 13 14 »",
                "7   | 20  | « 1 2 3 4 5 6 7* 8 9 10 ... 19 20 »",
                "8   | 20  | « 1 2 ... 5 6 7 8* 9 10 11 ... 19 20 »",
                "13  | 20  | « 1 2 ... 10 11 12 13* 14 15 16 ... 19 20 »",
                "14  | 20  | « 1 2 ... 11 12 13 14* 15 16 17 18 19 20 »",
                "20  | 20  | « 1 2 ... 11 12 13 14 15 16 17 18 19 20* »",
                "25  | 20  | « 1 2 ... 11 12 13 14 15 16 17 18 19 20 »",
                "50  | 100 | « 1 2 ... 47 48 49 50* 51 52 53 ... 99 100 »"
            })
    void windowsPageLinksLikeLaravelsUrlWindow(long page, long lastPage, String expected) {
        assertThat(window(page, lastPage)).isEqualTo(expected);
    }

    @Test
    void givesEveryPageLinkAUrlAndTheSeparatorsNone() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items =
                (List<Map<String, Object>>) meta(PageEnvelope.offset(List.of("row"), 20, 8, 1, links("sort", "-id")))
                        .get("links");

        assertThat(items.get(0))
                .isEqualTo(Map.of("url", PATH + "?sort=-id&page=7", "label", "&laquo; Previous", "active", false));
        assertThat(items.get(3))
                .containsEntry("url", null)
                .containsEntry("label", "...")
                .containsEntry("active", false);
        assertThat(items.get(7)).isEqualTo(Map.of("url", PATH + "?sort=-id&page=8", "label", "8", "active", true));
        assertThat(items.get(14))
                .isEqualTo(Map.of("url", PATH + "?sort=-id&page=9", "label", "Next &raquo;", "active", false));
    }

    @Test
    void writesTheLengthAwarePaginatorFields() {
        Map<String, Object> envelope =
                PageEnvelope.offset(List.of("a", "b"), 7, 2, 2, links("per_page", "2", "page", "2"));

        assertThat(envelope.keySet()).containsExactly("data", "links", "meta");
        assertThat(linkBlock(envelope))
                .containsExactly(
                        Map.entry("first", PATH + "?per_page=2&page=1"),
                        Map.entry("last", PATH + "?per_page=2&page=4"),
                        Map.entry("prev", PATH + "?per_page=2&page=1"),
                        Map.entry("next", PATH + "?per_page=2&page=3"));
        Map<String, Object> meta = meta(envelope);
        assertThat(meta.keySet())
                .containsExactly("current_page", "from", "last_page", "links", "path", "per_page", "to", "total");
        assertThat(meta)
                .containsEntry("current_page", 2L)
                .containsEntry("from", 3L)
                .containsEntry("last_page", 4L)
                .containsEntry("path", PATH)
                .containsEntry("per_page", 2)
                .containsEntry("to", 4L)
                .containsEntry("total", 7L);
    }

    @Test
    void leavesFromAndToEmptyWithoutRowsAndKeepsAtLeastOnePage() {
        Map<String, Object> empty = PageEnvelope.offset(List.of(), 0, 1, 25, links());
        assertThat(meta(empty))
                .containsEntry("from", null)
                .containsEntry("to", null)
                .containsEntry("last_page", 1L)
                .containsEntry("total", 0L);
        assertThat(linkBlock(empty))
                .containsEntry("first", PATH + "?page=1")
                .containsEntry("last", PATH + "?page=1")
                .containsEntry("prev", null)
                .containsEntry("next", null);

        Map<String, Object> past = PageEnvelope.offset(Collections.emptyList(), 7, 9, 2, links("page", "9"));
        assertThat(meta(past))
                .containsEntry("current_page", 9L)
                .containsEntry("from", null)
                .containsEntry("to", null)
                .containsEntry("last_page", 4L);
        assertThat(linkBlock(past)).containsEntry("prev", PATH + "?page=8").containsEntry("next", null);
    }

    @Test
    void writesTheCursorPaginatorFields() {
        Map<String, Object> envelope = PageEnvelope.cursor(
                List.of("a"), 10, "NEXT", "PREV", links("sort", "name", "cursor", "OLD", "page", "3"));

        assertThat(linkBlock(envelope).keySet()).containsExactly("first", "last", "prev", "next");
        assertThat(linkBlock(envelope))
                .containsEntry("first", null)
                .containsEntry("last", null)
                .containsEntry("prev", PATH + "?sort=name&cursor=PREV")
                .containsEntry("next", PATH + "?sort=name&cursor=NEXT");
        assertThat(meta(envelope))
                .containsExactly(
                        Map.entry("path", PATH),
                        Map.entry("per_page", 10),
                        Map.entry("next_cursor", "NEXT"),
                        Map.entry("prev_cursor", "PREV"));
        assertThat(linkBlock(PageEnvelope.cursor(List.of(), 10, null, null, links())))
                .containsEntry("next", null)
                .containsEntry("prev", null);
    }

    @Test
    void encodesParametersLikePhpsHttpBuildQuery() {
        assertThat(links("filter[name]", "Ärger x+y", "fields[collections]", "id,name", "q", "a&b=c~-._*")
                        .page(2))
                .isEqualTo(PATH + "?filter%5Bname%5D=%C3%84rger%20x%2By&fields%5Bcollections%5D=id%2Cname"
                        + "&q=a%26b%3Dc~-._%2A&page=2");
    }
}
