package com.assetcollections.users;

import com.assetcollections.query.Include;
import com.assetcollections.query.ResourceItems;
import com.assetcollections.query.ResourceJson;
import com.assetcollections.query.ResourceQuery;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * {@code include=owner} of any resource whose rows name their owner: the owners of a page in the
 * slim user schema, read in one query, each narrowed to {@code fields[users]}; null for an owner
 * that no longer exists.
 */
@Component
public class OwnerInclude {

    private final Users users;

    OwnerInclude(Users users) {
        this.users = users;
    }

    /** What {@code include} adds to the items of {@code rows}; nothing when the query does not ask for it. */
    public ResourceItems.Embed embed(List<Record> rows, Field<Long> ownerId, ResourceQuery query, Include include) {
        if (!query.includes(include.name())) {
            return ResourceItems.Embed.NONE;
        }
        Map<Long, Map<String, Object>> owners = users.slimByIds(
                rows.stream().map(row -> row.get(ownerId)).distinct().toList());
        List<String> fields = query.includeFields(include);
        return (item, row) -> {
            Map<String, Object> owner = owners.get(row.get(ownerId));
            item.put(include.name(), owner == null ? null : ResourceJson.narrow(owner, fields));
        };
    }
}
