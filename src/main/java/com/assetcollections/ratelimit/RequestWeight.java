package com.assetcollections.ratelimit;

import com.assetcollections.query.Paging;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a request is expected to cost, in units of 1,000 items in its response, told from the
 * request as sent (before it is parsed, so a request that will be 400 is weighed too): a read
 * holds {@code per_page} items (25 unless given) and each of them up to {@link
 * #EMBEDDED_PER_INCLUDE} more per {@code include}d name. Anything else (a write, a token) weighs
 * one unit. So a single item or a page of up to 1,000 plain items weighs 1, a first page of 25
 * with every include 1, and {@code per_page=1000&include=assets} 11.
 *
 * @param units at least 1
 * @param reason what made it weigh that much, for the message of a refused request
 */
record RequestWeight(int units, String reason) {

    static final int ITEMS_PER_UNIT = 1_000;

    /**
     * Embedded items counted per item and include: what a page of 1,000 embeds at most ({@code
     * query/EmbedLimit}). Smaller pages may embed up to 100 per item, but that is the worst case,
     * not the expected one: a collection typically holds far fewer, and weighing every first page
     * with {@code include=assets} as 2,525 items would make the commonest request of a gallery
     * look heavy.
     */
    static final int EMBEDDED_PER_INCLUDE = 10;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    static RequestWeight of(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return new RequestWeight(1, "a write");
        }
        int perPage = perPage(request.getParameter("per_page"));
        int includes = includes(request.getParameter("include"));
        long items = (long) perPage * (1 + (long) EMBEDDED_PER_INCLUDE * includes);
        int units = (int) Math.max(1, (items + ITEMS_PER_UNIT - 1) / ITEMS_PER_UNIT);
        if (units == 1) {
            return new RequestWeight(1, "at most 1,000 items");
        }
        return new RequestWeight(
                units,
                String.format(
                        Locale.ROOT,
                        "per_page=%d with %d %s: up to %,d items",
                        perPage,
                        includes,
                        includes == 1 ? "include" : "includes",
                        items));
    }

    /** {@code per_page} as the list will read it; a value it will refuse weighs as the default. */
    private static int perPage(String raw) {
        if (raw == null || !WHOLE_NUMBER.matcher(raw.trim()).matches()) {
            return Paging.DEFAULT_PER_PAGE;
        }
        int perPage = Integer.parseInt(raw.trim());
        return perPage < 1 || perPage > Paging.MAX_PER_PAGE ? Paging.DEFAULT_PER_PAGE : perPage;
    }

    /** The distinct names in {@code include}; unknown ones are counted too (the request will be 400). */
    private static int includes(String raw) {
        if (raw == null) {
            return 0;
        }
        return (int) Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .distinct()
                .count();
    }
}
