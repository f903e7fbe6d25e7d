package com.assetcollections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One offset page of a list checked against the model: status 200, {@code meta.total},
 * {@code meta.last_page}, {@code meta.current_page} and {@code meta.per_page}, and exactly the
 * slice of the expected ids that {@code page} and {@code per_page} of the request select.
 *
 * @param what names the request in assertion messages (seed, caller)
 */
public record OffsetPage(ApiClient api, String what, String path, String token, Map<String, String> params) {

    /**
     * @param expected every matching id in the list's order
     * @param ranked   ordered by relevance, which the model does not know: the page may be in any order
     * @return the page's items, for the caller's checks of their content
     */
    public List<JsonNode> check(List<Long> expected, boolean ranked) {
        int perPage = Integer.parseInt(params.getOrDefault("per_page", "25"));
        long page = Long.parseLong(params.getOrDefault("page", "1"));
        ApiResponse response = api.get(path, token, params);
        String at = String.format("%s: GET %s %s", what, path, params);
        assertThat(response.status()).as(at + ": " + response.body()).isEqualTo(200);
        JsonNode meta = response.json().get("meta");
        assertThat(meta.get("total").asLong()).as(at + ": meta.total").isEqualTo(expected.size());
        assertThat(meta.get("last_page").asLong())
                .as(at + ": meta.last_page")
                .isEqualTo(Math.max(1, (expected.size() + perPage - 1) / perPage));
        assertThat(List.of(
                        meta.get("current_page").asLong(), meta.get("per_page").asLong()))
                .as(at + ": meta.current_page, meta.per_page")
                .containsExactly(page, (long) perPage);
        int from = (int) Math.min(expected.size(), (page - 1) * perPage);
        List<Long> expectedPage = expected.subList(from, Math.min(expected.size(), from + perPage));
        List<JsonNode> items = List.copyOf(response.json().get("data").values());
        List<Long> ids = items.stream().map(item -> item.get("id").asLong()).toList();
        if (ranked) {
            assertThat(ids)
                    .as(at + ": page (ranked, so in any order)")
                    .doesNotHaveDuplicates()
                    .hasSize(expectedPage.size())
                    .isSubsetOf(expected);
        } else {
            assertThat(ids).as(at + ": page").containsExactlyElementsOf(expectedPage);
        }
        return items;
    }
}
