package com.assetcollections.storage;

import java.util.List;

/**
 * A part of the data that cached values depend on and that writes mark when they change it (the
 * triggers of migration V9): a cached value is kept under the sum of the versions of the scopes
 * it was computed from, so a committed change to any of them makes it unreachable at once.
 * Partitioned so that writers of disjoint data mark disjoint scopes, and a write invalidates only
 * what it can change.
 *
 * @param kind the kind of scope, as the triggers name it
 * @param key  the owner, user, collection or token the scope belongs to; 0 for data-wide scopes
 */
public record ChangeScope(String kind, long key) {

    /** The kind of {@link #token} scopes, keyed by the token's id. */
    public static final String TOKEN_KIND = "token";

    /** Every public collection (their rows; a change of type marks it too). */
    public static ChangeScope publicCollections() {
        return new ChangeScope("public", 0);
    }

    /** The collections a user owns. */
    public static ChangeScope collectionsOwnedBy(long userId) {
        return new ChangeScope("owner", userId);
    }

    /** The collections shared with a user: their shares and the collection rows themselves. */
    public static ChangeScope collectionsSharedWith(long userId) {
        return new ChangeScope("shared", userId);
    }

    /** Which assets a collection holds, in which order, and the rows of those assets. */
    public static ChangeScope membersOf(long collectionId) {
        return new ChangeScope("members", collectionId);
    }

    /**
     * The searchable text of all collections, as far as it weighs in rankings: marked on SQLite only,
     * whose bm25 ranks by statistics of the whole index (see {@code FullTextSearch#rankingCorpus}).
     */
    public static ChangeScope collectionTexts() {
        return new ChangeScope("collection_texts", 0);
    }

    /** The rows of the asset catalogue. */
    public static ChangeScope assets() {
        return new ChangeScope("assets", 0);
    }

    /** Which collections hold which assets and who may see those collections. */
    public static ChangeScope assetLinks() {
        return new ChangeScope("links", 0);
    }

    /** The tombstones of deleted rows, as far as purging old ones changes them. */
    public static ChangeScope tombstones() {
        return new ChangeScope("tombstones", 0);
    }

    /** The same scopes and the tombstones: what a list with {@code filter[with_deleted]} depends on. */
    public static List<ChangeScope> withTombstones(List<ChangeScope> scopes) {
        List<ChangeScope> all = new java.util.ArrayList<>(scopes);
        all.add(tombstones());
        return List.copyOf(all);
    }

    /** A user's webhook subscriptions (migration V11); {@link #allWebhooks} for everyone's. */
    public static ChangeScope webhooksOf(long userId) {
        return new ChangeScope("webhooks", userId);
    }

    /** Every subscription, as an admin lists them. */
    public static ChangeScope allWebhooks() {
        return new ChangeScope("webhooks", 0);
    }

    /** One personal access token (its revocation, expiry, scopes or deletion). */
    public static ChangeScope token(long tokenId) {
        return new ChangeScope(TOKEN_KIND, tokenId);
    }

    /** The collections a user may see: public ones, their own, and those shared with them. */
    public static List<ChangeScope> collectionsVisibleTo(long userId) {
        return List.of(publicCollections(), collectionsOwnedBy(userId), collectionsSharedWith(userId));
    }

    /**
     * The scopes most reads of a signed-in user depend on (their collection lists, asset lists):
     * read together with their token's at the start of a request.
     */
    public static List<ChangeScope> usualFor(long userId) {
        return List.of(
                publicCollections(), collectionsOwnedBy(userId), collectionsSharedWith(userId), assets(), assetLinks());
    }

    /** Text that names a list of scopes in cache keys. */
    public static String names(List<ChangeScope> scopes) {
        StringBuilder text = new StringBuilder();
        for (ChangeScope scope : scopes) {
            text.append(scope.kind).append(':').append(scope.key).append(',');
        }
        return text.toString();
    }
}
