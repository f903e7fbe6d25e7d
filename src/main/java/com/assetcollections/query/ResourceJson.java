package com.assetcollections.query;

import com.assetcollections.web.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;

/** Writes a row as the JSON object of a resource: the requested fields, in schema order. */
public final class ResourceJson {

    private ResourceJson() {
    }

    public static Map<String, Object> write(Record row, List<FieldSpec> fields) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            item.put(field.name(), JsonValues.of(row.get(field.column())));
        }
        return item;
    }
}
