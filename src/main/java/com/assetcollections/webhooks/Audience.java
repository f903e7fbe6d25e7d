package com.assetcollections.webhooks;

import static com.assetcollections.collections.CollectionTable.SHARES;
import static com.assetcollections.collections.CollectionTable.SHARE_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.SHARE_USER_ID;

import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Which subscriptions may hear of an event: those whose owner may read the resource at the moment
 * of the event, as a condition on {@code webhooks} evaluated in the writing transaction.
 */
public record Audience(Condition owners) {

    /**
     * Every subscriber: the asset catalogue is read by every user. A true condition, not
     * {@code noCondition()}: that one vanishes in an OR, so {@link #and} would narrow everyone
     * down to the one user added.
     */
    public static Audience everyone() {
        return new Audience(DSL.trueCondition());
    }

    /**
     * The readers of a collection in the state the transaction sees now: everyone when public,
     * else its owner and the users it is shared with.
     */
    public static Audience readersOfCollection(long collectionId, long ownerId, boolean isPublic) {
        if (isPublic) {
            return everyone();
        }
        return new Audience(WebhookTable.OWNER_ID
                .eq(ownerId)
                .or(WebhookTable.OWNER_ID.in(
                        DSL.select(SHARE_USER_ID).from(SHARES).where(SHARE_COLLECTION_ID.eq(collectionId)))));
    }

    /** These readers and one more user (the one a collection was just unshared from). */
    public Audience and(long userId) {
        return new Audience(owners.or(WebhookTable.OWNER_ID.eq(userId)));
    }
}
