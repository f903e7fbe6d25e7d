package com.assetcollections.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 document rendered as 3.0 for Atlassian's validator (its 2.x line, the last for
 * Java 17, reads only 3.0 schemas and passes 3.1 ones unchecked). The document uses one 3.1
 * feature, a {@code type} list with {@code "null"}, which is 3.0's {@code nullable: true}; and the
 * scopes of an http bearer scheme, which 3.0 would leave empty.
 */
final class OpenApi30 {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApi30() {}

    static String of(String document31) {
        ObjectNode root = (ObjectNode) JSON.readTree(document31);
        root.put("openapi", "3.0.3");
        rewrite(root);
        return JSON.writeValueAsString(root);
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode type = object.get("type");
            if (type != null && type.isArray()) {
                List<String> types = new ArrayList<>();
                type.values().forEach(t -> types.add(t.asString()));
                types.remove("null");
                object.put("type", types.get(0));
                object.put("nullable", true);
            }
            if (object.has("security") && object.get("security").isArray()) {
                for (JsonNode requirement : object.get("security").values()) {
                    ((ObjectNode) requirement)
                            .propertyNames()
                            .forEach(name -> ((ObjectNode) requirement).putArray(name));
                }
            }
            object.values().forEach(OpenApi30::rewrite);
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(OpenApi30::rewrite);
        }
    }
}
