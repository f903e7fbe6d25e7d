package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.COLLECTION_TYPE;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.OWNER_ID;
import static com.assetcollections.collections.CollectionTable.SHARES;
import static com.assetcollections.collections.CollectionTable.SHARE_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.SHARE_USER_ID;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.assetcollections.auth.Caller;
import com.assetcollections.query.FilterClause;
import com.assetcollections.query.ResourceQuery;
import java.util.List;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The number of collections {@link Visibility#visibleTo} lets a user see, without counting the
 * public ones: public (counters that triggers keep in {@code collection_counts}, summed) + the user's own
 * private ones (index {@code collections_owner_type}) + private ones shared with them that they do
 * not own (index {@code collection_shares_user}). It costs O(the user's own and shared rows)
 * whatever the table's size, and is exact in the snapshot of the statement that reads it.
 */
final class VisibleTotal {

    private static final Table<?> COUNTS = table(name("collection_counts"));
    private static final Field<String> COUNT_NAME = field(name("collection_counts", "name"), SQLDataType.VARCHAR);
    private static final Field<Long> COUNT_VALUE = field(name("collection_counts", "value"), SQLDataType.BIGINT);

    private VisibleTotal() {}

    /**
     * The total of {@code query} from counters, or null when it must be counted: the unfiltered
     * list, and {@code filter[public]=1} alone (the public counter, whoever asks).
     */
    static Field<Long> of(long userId, ResourceQuery query) {
        List<String> filters =
                query.filters().stream().map(FilterClause::canonical).toList();
        if (filters.isEmpty()) {
            return of(userId);
        }
        return filters.equals(List.of("public=true")) ? publicCount() : null;
    }

    static Field<Long> of(long userId) {
        Field<Long> total = publicCount();
        if (userId == Caller.ANONYMOUS_USER_ID) {
            return total;
        }
        return total.plus(ownPrivate(userId)).plus(sharedPrivateNotOwned(userId));
    }

    private static Field<Long> publicCount() {
        // one row per writing backend on PostgreSQL (migration V9): the count is their sum
        return DSL.select(DSL.sum(COUNT_VALUE).cast(SQLDataType.BIGINT))
                .from(COUNTS)
                .where(COUNT_NAME.eq("public"))
                .asField();
    }

    private static Field<Long> ownPrivate(long userId) {
        return DSL.select(DSL.count().cast(Long.class))
                .from(COLLECTIONS)
                .where(OWNER_ID.eq(userId).and(COLLECTION_TYPE.eq("private")))
                .asField();
    }

    private static Field<Long> sharedPrivateNotOwned(long userId) {
        return DSL.select(DSL.count().cast(Long.class))
                .from(SHARES)
                .join(COLLECTIONS)
                .on(ID.eq(SHARE_COLLECTION_ID))
                .where(SHARE_USER_ID
                        .eq(userId)
                        .and(COLLECTION_TYPE.eq("private"))
                        .and(OWNER_ID.ne(userId)))
                .asField();
    }
}
