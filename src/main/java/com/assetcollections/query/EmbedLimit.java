package com.assetcollections.query;

/**
 * How many related items {@code include} embeds in each item of a response: at most
 * {@link #PER_ITEM}, and fewer on pages of more than 100 items, so that one response embeds at most
 * {@link #PER_RESPONSE} items whatever {@code per_page} says (a page of 1,000 collections embeds 10
 * assets each). The counts beside the embedded lists ({@code assets_count},
 * {@code collections_count}) always tell how many there are in all, and the sub-resources page
 * through every one. The limit follows from the request's {@code per_page}, not from how many rows
 * the page found, so a client can tell it from its own request.
 */
public final class EmbedLimit {

    public static final int PER_ITEM = 100;
    public static final int PER_RESPONSE = 10_000;

    private EmbedLimit() {}

    /** The most related items each item embeds in a response of {@code paging} (a single item: {@link #PER_ITEM}). */
    public static int perItem(Paging paging) {
        return Math.min(PER_ITEM, PER_RESPONSE / paging.perPage());
    }
}
