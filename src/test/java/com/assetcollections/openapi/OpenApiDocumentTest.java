package com.assetcollections.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assetcollections.auth.Scope;
import com.assetcollections.query.ExtraFilter;
import com.assetcollections.query.FieldSpec;
import com.assetcollections.query.ResourceSchema;
import com.assetcollections.query.ValueType;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The document follows the schemas and endpoint lists it is built from, with nothing else to change. */
class OpenApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Field<Long> ID = DSL.field(DSL.name("gadgets", "id"), Long.class);
    private static final Field<String> NAME = DSL.field(DSL.name("gadgets", "name"), String.class);
    private static final Field<Instant> UPDATED_AT = DSL.field(DSL.name("gadgets", "updated_at"), Instant.class);
    private static final Field<String> COLOUR = DSL.field(DSL.name("gadgets", "colour"), String.class);
    private static final HandlerFacts READ =
            new HandlerFacts(List.of(Scope.ASSETS_READ), Map.of(), false, false, false);

    @Test
    void aFieldAddedToASchemaAppearsWithItsTypeFiltersAndSortKeys() {
        JsonNode before = document(gadgets(List.of()));
        JsonNode after = document(gadgets(List.of(FieldSpec.of("colour", ValueType.STRING, COLOUR, "its colour")
                .containsMatch(COLOUR)
                .sortable())));

        assertThat(before.at("/components/schemas/gadgets/properties").has("colour"))
                .isFalse();
        assertThat(after.at("/components/schemas/gadgets/properties/colour/type")
                        .asString())
                .isEqualTo("string");
        assertThat(after.at("/components/schemas/gadgets/properties/colour/description")
                        .asString())
                .isEqualTo("its colour");
        assertThat(parameterNames(after))
                .containsAll(List.of(
                        "filter[colour]",
                        "filter[colour][contains]",
                        "filter[colour][eq]",
                        "filter[colour][starts_with]"));
        assertThat(parameterNames(after)).containsAll(parameterNames(before));
        assertThat(enumOf(after, "sort")).contains("colour", "-colour");
        assertThat(enumOf(before, "sort")).doesNotContain("colour");
        assertThat(enumOf(after, "fields[gadgets]")).endsWith("colour");
    }

    @Test
    void aGeneratedDocumentParsesWithoutMessages() {
        String text = JSON.writeValueAsString(
                OpenApiDocument.of("test", List.of(gadgetList()), Map.of("GET /api/v2/gadgets", READ)));

        SwaggerParseResult result = new OpenAPIParser().readContents(text, null, null);

        assertThat(result.getMessages()).isEmpty();
    }

    @Test
    void sortsTheKeysOfMapsMadeWithoutAnOrderAndKeepsTheOrderOfTheOthers() {
        JsonNode document = document(gadgets(List.of()));

        assertThat(document.at("/components/securitySchemes/bearer").propertyNames())
                .containsExactly("description", "scheme", "type");
        assertThat(document.at("/components/schemas/gadgets/properties").propertyNames())
                .containsExactly("id", "name", "updated_at");
        assertThat(document.propertyNames())
                .containsExactly("openapi", "info", "servers", "security", "paths", "components");
    }

    @Test
    void operationsAnsweringWithTheSameEnvelopeShareOneNamedComponent() {
        Endpoint list = gadgetList();
        Endpoint one = Endpoint.of("GET", "/api/v2/gadgets/{key}", "one gadget", Answer.ITEM, gadgets(List.of()));
        Endpoint renamed =
                Endpoint.of("PATCH", "/api/v2/gadgets/{key}", "rename a gadget", Answer.CHANGED, gadgets(List.of()));
        JsonNode document = JSON.valueToTree(OpenApiDocument.of(
                "test", List.of(list, one, renamed), Map.of(list.key(), READ, one.key(), READ, renamed.key(), READ)));

        assertThat(successSchemaRef(document, "~1api~1v2~1gadgets", "get", "200"))
                .isEqualTo("#/components/schemas/gadgets_page");
        assertThat(successSchemaRef(document, "~1api~1v2~1gadgets~1{key}", "get", "200"))
                .isEqualTo("#/components/schemas/gadgets_item");
        assertThat(successSchemaRef(document, "~1api~1v2~1gadgets~1{key}", "patch", "200"))
                .isEqualTo("#/components/schemas/gadgets_item");
        assertThat(document.at("/components/schemas/gadgets_item/properties/data/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/gadgets");
        assertThat(document.at("/components/schemas/gadgets_page/properties/data/items/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/gadgets");
    }

    @Test
    void refusesEndpointsWithoutAHandlerAndHandlersWithoutAnEndpoint() {
        assertThatThrownBy(() -> OpenApiDocument.of("test", List.of(gadgetList()), Map.of()))
                .hasMessageContaining("endpoints without a handler [GET /api/v2/gadgets]");
        assertThatThrownBy(() -> OpenApiDocument.of("test", List.of(), Map.of("GET /api/v2/gadgets", READ)))
                .hasMessageContaining("handlers without an endpoint [GET /api/v2/gadgets]");
    }

    @Test
    void aNullableBodyTextAllowsNullInItsEnum() {
        Map<String, Object> schema = JsonSchemas.of(BodyField.oneOf("level", List.of("view", "edit"), "the level"));

        assertThat(schema.get("type")).isEqualTo(List.of("string", "null"));
        assertThat(schema.get("enum")).isEqualTo(java.util.Arrays.asList("view", "edit", null));
    }

    private static ResourceSchema gadgets(List<FieldSpec> more) {
        List<FieldSpec> fields = new ArrayList<>(List.of(
                FieldSpec.of("id", ValueType.INTEGER, ID, "the system ID")
                        .exactMatch()
                        .sortable(),
                FieldSpec.of("name", ValueType.STRING, NAME, "its name").containsMatch(NAME),
                FieldSpec.of("updated_at", ValueType.DATETIME, UPDATED_AT, "when it changed")
                        .rangeOperators()));
        fields.addAll(more);
        return new ResourceSchema(
                "gadgets",
                fields,
                List.of(ExtraFilter.since("updated_since", UPDATED_AT, "changed after this instant")),
                List.of(),
                true);
    }

    private static Endpoint gadgetList() {
        return Endpoint.of("GET", "/api/v2/gadgets", "list gadgets", Answer.LIST, gadgets(List.of()));
    }

    private static JsonNode document(ResourceSchema schema) {
        Endpoint list = Endpoint.of("GET", "/api/v2/gadgets", "list gadgets", Answer.LIST, schema);
        return JSON.valueToTree(OpenApiDocument.of("test", List.of(list), Map.of(list.key(), READ)));
    }

    private static String successSchemaRef(JsonNode document, String path, String method, String status) {
        return document.at("/paths/" + path + "/" + method + "/responses/" + status
                        + "/content/application~1json/schema/$ref")
                .asString();
    }

    private static List<String> parameterNames(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.at("/paths/~1api~1v2~1gadgets/get/parameters")
                .values()
                .forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    private static List<String> enumOf(JsonNode document, String parameter) {
        List<String> values = new ArrayList<>();
        document.at("/paths/~1api~1v2~1gadgets/get/parameters").values().forEach(p -> {
            if (p.get("name").asString().equals(parameter)) {
                p.at("/schema/items/enum").values().forEach(v -> values.add(v.asString()));
            }
        });
        return values;
    }
}
