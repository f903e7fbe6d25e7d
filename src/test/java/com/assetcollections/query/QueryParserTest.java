package com.assetcollections.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assetcollections.collections.CollectionSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static final String FILTERABLE =
            "id, name, collection_type, uuid, description, owner_id, assets_count, created_at, "
                    + "updated_at, updated_since, public, mine, shared_with_me, with_deleted, share_level";
    private static final String SORTABLE =
            "id, name, collection_type, uuid, owner_id, assets_count, created_at, updated_at";
    private static final String FIELDS =
            "id, name, collection_type, uuid, description, owner_id, assets_count, created_at, updated_at";

    private static Map<String, String[]> parameters(String... pairs) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return parameters;
    }

    private static ResourceQuery list(String... pairs) {
        return QueryParser.parseList(CollectionSchema.SCHEMA, parameters(pairs));
    }

    private static void assertRejected(Map<String, String[]> parameters, String parameter, String message) {
        assertThatThrownBy(() -> QueryParser.parseList(CollectionSchema.SCHEMA, parameters))
                .isInstanceOfSatisfying(
                        InvalidQuery.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessage(message);
    }

    private static void assertRejected(String name, String value, String message) {
        assertRejected(parameters(name, value), name, message);
    }

    @Test
    void readsEveryPartOfAListQuery() {
        ResourceQuery query = list(
                "filter[name]",
                "face",
                "filter[id][in]",
                "1,2,2",
                "sort",
                "-updated_at, name",
                "fields[collections]",
                "name,id",
                "include",
                "owner,assets",
                "search",
                "  oil paint  ",
                "page",
                "3",
                "per_page",
                "50",
                "utm_source",
                "ignored");

        assertThat(query.filters())
                .extracting(FilterClause::canonical)
                .containsExactly("name[contains]=face", "id[in]=1,2");
        assertThat(query.sort()).extracting(SortKey::token).containsExactly("-updated_at", "name");
        assertThat(query.fields()).extracting(FieldSpec::name).containsExactly("id", "name");
        assertThat(query.includes()).containsExactlyInAnyOrder("owner", "assets");
        assertThat(query.search()).isEqualTo("oil paint");
        assertThat(query.paging()).isEqualTo(new Paging(3, 50, null));
        assertThat(query.ranked()).isFalse();
    }

    @Test
    void defaultsToEveryFieldTheFirstPageAndNoCursor() {
        ResourceQuery query = list("sort", "", "search", " ", "include", "", "filter[name]", "");

        assertThat(query.fields()).extracting(FieldSpec::name).containsExactly(FIELDS.split(", "));
        assertThat(query.filters()).isEmpty();
        assertThat(query.sort()).isEmpty();
        assertThat(query.search()).isNull();
        assertThat(query.paging()).isEqualTo(new Paging(1, 25, null));
        assertThat(list("cursor", " ").paging().cursor()).isEmpty();
        assertThat(list("search", "oil").ranked()).isTrue();
    }

    @Test
    void namesUnknownFiltersOperatorsAndMalformedKeys() {
        assertRejected("filter[size]", "1", "unknown filter `size`; filterable: " + FILTERABLE);
        assertRejected(
                "filter[created_at]",
                "2023-01-01",
                "filter `created_at` needs an operator, e.g. "
                        + "filter[created_at][gte]=...; operators: eq, gt, gte, lt, lte");
        assertRejected(
                "filter[name][gte]",
                "a",
                "unknown operator `gte` for filter `name`; operators: eq, contains, starts_with");
        assertRejected("filter[uuid][gt]", "a", "unknown operator `gt` for filter `uuid`; operators: eq, in");
        assertRejected(
                "filter[description][null]",
                "yes",
                "`filter[description][null]` must be 1 (is null) or 0 (is not null), got `yes`");
        assertRejected("filter[mine][eq]", "1", "filter `mine` takes no operator; write filter[mine]=value");
        assertRejected("filter[shared_with_me]", "2", "`filter[shared_with_me]` must be 1 or 0, got `2`");
        String malformed = "; write filters as filter[field]=value or filter[field][operator]=value, and fields as "
                + "fields[collections]=a,b";
        assertRejected("filter[name", "a", "malformed parameter `filter[name`" + malformed);
        assertRejected("filter", "a", "malformed parameter `filter`" + malformed);
        assertRejected("filter[name][eq][x]", "a", "malformed parameter `filter[name][eq][x]`" + malformed);
    }

    @Test
    void limitsListsToOneThousandValues() {
        String values = "1,".repeat(1000) + "1";
        assertRejected("filter[id]", values, "`filter[id]` lists 1001 values; at most 1000");
        assertThat(list("filter[id]", "1,".repeat(999) + "1").filters()).hasSize(1);
    }

    @Test
    void namesUnknownSortFieldsFieldsAndIncludes() {
        assertRejected("sort", "size2", "unknown sort field `size2`; sortable: " + SORTABLE);
        assertRejected("sort", "name,-description", "unknown sort field `description`; sortable: " + SORTABLE);
        assertRejected("sort", "-id,id", "sort field `id` is given twice");
        assertRejected(
                "fields[collections]", "id,size", "unknown field `size` in fields[collections]; fields: " + FIELDS);
        assertRejected(
                "fields[collections]",
                "id,,name",
                "`fields[collections]` must list field names separated by commas; fields: " + FIELDS);
        assertRejected(
                "fields[widgets]",
                "id",
                "unknown resource in `fields[widgets]`; sparse fields apply to: collections, assets, users");
        assertRejected(
                "fields[assets]",
                "tags",
                "unknown field `tags` in fields[assets]; fields: id, uuid, name, asset_type, url");
        assertRejected("include", "owner,tags", "unknown include `tags`; includes: assets, owner");
    }

    @Test
    void boundsPageAndPerPage() {
        assertThat(list("per_page", "1000", "page", "2147483647").paging())
                .isEqualTo(new Paging(2147483647, 1000, null));
        assertRejected("per_page", "1001", "`per_page` must be a whole number from 1 to 1000, got `1001`");
        assertRejected("per_page", "0", "`per_page` must be a whole number from 1 to 1000, got `0`");
        assertRejected("page", "2147483648", "`page` must be a whole number from 1 to 2147483647, got `2147483648`");
        assertRejected("page", "-1", "`page` must be a whole number from 1 to 2147483647, got `-1`");
        assertRejected("search", "x".repeat(501), "`search` is 501 characters long; at most 500");
    }

    @Test
    void rejectsRepeatedQueryParametersButNotOthers() {
        Map<String, String[]> repeated = new LinkedHashMap<>();
        repeated.put("filter[id]", new String[] {"1", "2"});
        assertRejected(
                repeated,
                "filter[id]",
                "parameter `filter[id]` is given 2 times; give it once (use a comma-separated list for several values)");
        Map<String, String[]> other = new LinkedHashMap<>();
        other.put("utm_source", new String[] {"a", "b"});
        assertThat(QueryParser.parseList(CollectionSchema.SCHEMA, other).filters())
                .isEmpty();
    }

    @Test
    void readsOnlyFieldsIncludesAndPagingOnSingleItems() {
        ResourceQuery item = QueryParser.parseItem(
                CollectionSchema.SCHEMA,
                parameters("fields[collections]", "name", "include", "owner", "page", "3", "per_page", "5"));

        assertThat(item.fields()).extracting(FieldSpec::name).containsExactly("name");
        assertThat(item.includes()).containsExactly("owner");
        assertThatThrownBy(() -> QueryParser.parseItem(CollectionSchema.SCHEMA, parameters("per_page", "0")))
                .isInstanceOf(InvalidQuery.class)
                .hasMessage("`per_page` must be a whole number from 1 to 1000, got `0`");
    }

    @Test
    void givesDifferentMatchingRowsDifferentKeys() {
        assertThat(list("filter[name]", "x|search=y").matchKey())
                .isNotEqualTo(list("filter[name]", "x", "search", "y|search=").matchKey());
        assertThat(list("filter[name]", "a&name[contains]=b").matchKey())
                .isNotEqualTo(
                        list("filter[name]", "a", "filter[description]", "b").matchKey());
        assertThat(list("filter[name]", "a,b").matchKey())
                .isNotEqualTo(list("filter[name][eq]", "a,b").matchKey());
        assertThat(list("filter[name]", "a", "filter[mine]", "1", "sort", "name", "page", "2")
                        .matchKey())
                .as("order, sort and page do not change which rows match")
                .isEqualTo(list("filter[mine]", "true", "filter[name]", "a").matchKey());
    }
}
