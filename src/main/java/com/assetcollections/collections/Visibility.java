package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.COLLECTION_TYPE;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.OWNER_ID;
import static com.assetcollections.collections.CollectionTable.SHARES;
import static com.assetcollections.collections.CollectionTable.SHARE_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.SHARE_USER_ID;

import com.assetcollections.auth.Caller;
import com.assetcollections.query.InvalidQuery;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Who may see a collection: everyone if it is public, otherwise its owner and the users it is
 * shared with. Every query that reads collections (lists, items, counts, includes) applies
 * {@link #visibleTo}; there is no other path to a collection row.
 *
 * <p>An anonymous caller ({@link Caller#ANONYMOUS_USER_ID}) owns nothing and has nothing shared
 * with them: for them the conditions below are built without their id at all, so they see public
 * collections only, whatever rows exist.
 */
public final class Visibility {

    private Visibility() {}

    public static Condition visibleTo(long userId) {
        if (userId == Caller.ANONYMOUS_USER_ID) {
            return isPublic();
        }
        return isPublic().or(ownedBy(userId)).or(sharedWith(userId));
    }

    static Condition isPublic() {
        return COLLECTION_TYPE.eq("public");
    }

    static Condition ownedBy(long userId) {
        if (userId == Caller.ANONYMOUS_USER_ID) {
            return DSL.falseCondition();
        }
        return OWNER_ID.eq(userId);
    }

    /** Shared with the user at {@code level} (`view` or `edit`); anything else is a 400. */
    static Condition sharedWithAt(long userId, String level) {
        String wanted = level.strip().toLowerCase(java.util.Locale.ROOT);
        if (!wanted.equals("view") && !wanted.equals("edit")) {
            throw new InvalidQuery(
                    "filter[share_level]", "`filter[share_level]` must be `view` or `edit`, got `" + level + "`");
        }
        if (userId == Caller.ANONYMOUS_USER_ID) {
            return DSL.falseCondition();
        }
        return DSL.exists(DSL.selectOne()
                .from(SHARES)
                .where(SHARE_COLLECTION_ID
                        .eq(ID)
                        .and(SHARE_USER_ID.eq(userId))
                        .and(CollectionTable.SHARE_LEVEL.eq(wanted))));
    }

    static Condition sharedWith(long userId) {
        if (userId == Caller.ANONYMOUS_USER_ID) {
            return DSL.falseCondition();
        }
        return DSL.exists(
                DSL.selectOne().from(SHARES).where(SHARE_COLLECTION_ID.eq(ID).and(SHARE_USER_ID.eq(userId))));
    }
}
