package com.assetcollections.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.assets.AssetSchema;
import com.assetcollections.collections.CollectionSchema;
import com.assetcollections.query.ExtraFilter;
import com.assetcollections.query.FieldSpec;
import com.assetcollections.query.Operator;
import com.assetcollections.query.ResourceSchema;
import com.assetcollections.webhooks.DeliverySchema;
import com.assetcollections.webhooks.WebhookSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/API.md documents every field of every resource schema with the properties the code gives it. */
class ApiDocsTest {

    private static final Path DOCS = Path.of("docs", "API.md");

    @Test
    void collectionFieldTableMatchesTheSchema() throws IOException {
        assertTableMatches(CollectionSchema.SCHEMA, section("## Collections"));
    }

    @Test
    void collectionExtraFiltersAndIncludesAreDocumented() throws IOException {
        String section = section("## Collections");
        for (ExtraFilter filter : CollectionSchema.SCHEMA.extraFilters()) {
            assertThat(section).contains("`filter[" + filter.name() + "]`");
        }
        CollectionSchema.SCHEMA
                .includes()
                .forEach(include -> assertThat(section).contains("`include=" + include.name() + "`"));
    }

    @Test
    void assetFieldTableMatchesTheSchema() throws IOException {
        assertTableMatches(AssetSchema.SCHEMA, section("## Assets"));
    }

    @Test
    void assetExtraFiltersAndIncludesAreDocumented() throws IOException {
        String section = section("## Assets");
        AssetSchema.SCHEMA
                .extraFilters()
                .forEach(filter -> assertThat(section).contains("`filter[" + filter.name() + "]`"));
        AssetSchema.SCHEMA
                .includes()
                .forEach(include -> assertThat(section).contains("`include=" + include.name() + "`"));
    }

    @Test
    void webhookFieldTableAndFiltersMatchTheSchema() throws IOException {
        assertDocumented(WebhookSchema.SCHEMA, section("## Webhooks"));
    }

    @Test
    void deliveryFieldTableAndFiltersMatchTheSchema() throws IOException {
        assertDocumented(DeliverySchema.SCHEMA, section("## Webhook deliveries"));
    }

    /** The field table, and every extra filter named, of a resource without includes. */
    private static void assertDocumented(ResourceSchema schema, String section) {
        assertTableMatches(schema, section);
        schema.extraFilters().forEach(filter -> assertThat(section).contains("`filter[" + filter.name() + "]`"));
        assertThat(schema.includes()).isEmpty();
    }

    private static void assertTableMatches(ResourceSchema schema, String section) {
        Map<String, List<String>> rows = fieldRows(section);
        assertThat(rows.keySet())
                .as("documented fields of " + schema.name())
                .containsExactlyElementsOf(
                        schema.fields().stream().map(FieldSpec::name).toList());
        for (FieldSpec field : schema.fields()) {
            List<String> cells = rows.get(field.name());
            assertThat(cells.get(0))
                    .as(field.name() + " type")
                    .isEqualTo(field.type().label().replace("uuid", "string"));
            String filterable = cells.get(1);
            if (!field.isFilterable()) {
                assertThat(filterable).as(field.name() + " filterable").startsWith("no");
            } else if (field.defaultOperator() == null) {
                assertThat(filterable).as(field.name() + " filterable").doesNotStartWith("yes");
            } else {
                assertThat(filterable).as(field.name() + " filterable").startsWith("yes");
            }
            for (Operator operator : field.operators()) {
                assertThat(filterable).as(field.name() + " operators").contains("`" + operator.token() + "`");
            }
            assertThat(cells.get(2)).as(field.name() + " sortable").isEqualTo(field.isSortable() ? "yes" : "no");
            assertThat(cells.get(3)).as(field.name() + " configurable").isEqualTo("yes");
        }
    }

    private static Map<String, List<String>> fieldRows(String section) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| `") && cells.length >= 7) {
                String key = cells[1].trim().replace("`", "");
                if (!key.startsWith("filter[")) {
                    rows.put(key, List.of(cells[2].trim(), cells[3].trim(), cells[4].trim(), cells[5].trim()));
                }
            }
        }
        return rows;
    }

    private static String section(String heading) throws IOException {
        String text = Files.readString(DOCS);
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading + " in " + DOCS).isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length() + 2);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
