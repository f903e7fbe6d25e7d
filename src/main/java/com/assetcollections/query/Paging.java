package com.assetcollections.query;

/**
 * Which part of the result to return: an offset page ({@code page}, {@code per_page}) or, when
 * {@code cursor} is present, the page after (or before) a cursor.
 *
 * @param cursor null for offset paging; empty for the first page in cursor mode
 */
public record Paging(long page, int perPage, String cursor) {

    public static final int DEFAULT_PER_PAGE = 25;
    public static final int MAX_PER_PAGE = 1000;

    public boolean cursorMode() {
        return cursor != null;
    }

    public long offset() {
        return (page - 1) * perPage;
    }
}
