package com.assetcollections.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Laravel length-aware paginator envelope ({@code data}, {@code links}, {@code meta}) and its
 * cursor-paginator counterpart, with the same page window ("…" separators, three pages on each side)
 * that Laravel's {@code UrlWindow} renders in {@code meta.links}.
 */
public final class PageEnvelope {

    private static final int ON_EACH_SIDE = 3;

    private PageEnvelope() {}

    public static Map<String, Object> offset(List<?> data, long total, long page, int perPage, PageLinks links) {
        long lastPage = Math.max(1, (total + perPage - 1) / perPage);
        boolean hasRows = !data.isEmpty();
        long from = (page - 1) * perPage + 1;
        String prev = page > 1 ? links.page(page - 1) : null;
        String next = page < lastPage ? links.page(page + 1) : null;

        Map<String, Object> linkBlock = new LinkedHashMap<>();
        linkBlock.put("first", links.page(1));
        linkBlock.put("last", links.page(lastPage));
        linkBlock.put("prev", prev);
        linkBlock.put("next", next);

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("current_page", page);
        meta.put("from", hasRows ? from : null);
        meta.put("last_page", lastPage);
        meta.put("links", pageLinks(page, lastPage, prev, next, links));
        meta.put("path", links.path());
        meta.put("per_page", perPage);
        meta.put("to", hasRows ? from + data.size() - 1 : null);
        meta.put("total", total);

        return envelope(data, linkBlock, meta);
    }

    public static Map<String, Object> cursor(
            List<?> data, int perPage, String nextCursor, String prevCursor, PageLinks links) {
        Map<String, Object> linkBlock = new LinkedHashMap<>();
        linkBlock.put("first", null);
        linkBlock.put("last", null);
        linkBlock.put("prev", prevCursor == null ? null : links.cursor(prevCursor));
        linkBlock.put("next", nextCursor == null ? null : links.cursor(nextCursor));

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("path", links.path());
        meta.put("per_page", perPage);
        meta.put("next_cursor", nextCursor);
        meta.put("prev_cursor", prevCursor);
        return envelope(data, linkBlock, meta);
    }

    private static Map<String, Object> envelope(List<?> data, Map<String, Object> links, Map<String, Object> meta) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("links", links);
        body.put("meta", meta);
        return body;
    }

    private static List<Map<String, Object>> pageLinks(
            long page, long lastPage, String prev, String next, PageLinks links) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(link(prev, "&laquo; Previous", false));
        long window = ON_EACH_SIDE + 4;
        if (lastPage < ON_EACH_SIDE * 2 + 8) {
            addRange(items, 1, lastPage, page, links);
        } else if (page <= window) {
            addRange(items, 1, window + ON_EACH_SIDE, page, links);
            items.add(link(null, "...", false));
            addRange(items, lastPage - 1, lastPage, page, links);
        } else if (page > lastPage - window) {
            addRange(items, 1, 2, page, links);
            items.add(link(null, "...", false));
            addRange(items, lastPage - (window + ON_EACH_SIDE - 1), lastPage, page, links);
        } else {
            addRange(items, 1, 2, page, links);
            items.add(link(null, "...", false));
            addRange(items, page - ON_EACH_SIDE, page + ON_EACH_SIDE, page, links);
            items.add(link(null, "...", false));
            addRange(items, lastPage - 1, lastPage, page, links);
        }
        items.add(link(next, "Next &raquo;", false));
        return items;
    }

    private static void addRange(
            List<Map<String, Object>> items, long first, long last, long current, PageLinks links) {
        for (long p = first; p <= last; p++) {
            items.add(link(links.page(p), Long.toString(p), p == current));
        }
    }

    private static Map<String, Object> link(String url, String label, boolean active) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("url", url);
        link.put("label", label);
        link.put("active", active);
        return link;
    }
}
