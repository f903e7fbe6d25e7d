package com.assetcollections.query;

import com.assetcollections.web.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;

/** Writes a row as the JSON object of a resource: the requested fields, in schema order. */
public final class ResourceJson {

    private ResourceJson() {}

    /** The item with only the {@code keep} keys, in their order (sparse fieldsets of included items). */
    public static Map<String, Object> narrow(Map<String, Object> item, List<String> keep) {
        Map<String, Object> narrowed = new LinkedHashMap<>();
        for (String key : keep) {
            narrowed.put(key, item.get(key));
        }
        return narrowed;
    }

    public static Map<String, Object> write(Record row, List<FieldSpec> fields) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            Object value = row.get(field.column());
            item.put(
                    field.name(),
                    switch (field.type()) {
                        case STRING_LIST -> JsonValues.stringList((String) value);
                        case OBJECT_LIST -> JsonValues.objectList((String) value);
                        default -> JsonValues.of(value);
                    });
        }
        return item;
    }
}
