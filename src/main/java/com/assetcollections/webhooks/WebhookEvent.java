package com.assetcollections.webhooks;

import java.util.List;
import java.util.Map;

/**
 * One change to tell subscribers of.
 *
 * @param event  its name, one of {@link #NAMES}
 * @param type   {@code collection}, {@code asset} or {@code webhook}
 * @param action {@code create}, {@code update}, {@code delete} (or {@code ping})
 * @param path   the API path of the resource, such as {@code /api/v2/collections/12}
 * @param data   the resource as GET returns it to the subscription's owner; a tombstone for deletes
 */
public record WebhookEvent(String event, String type, String action, String path, Map<String, Object> data) {

    public static final String PING = "webhook.ping";

    /** The events a subscription may ask for ({@code *}: all of them). */
    public static final List<String> NAMES = List.of(
            "collection.created",
            "collection.updated",
            "collection.deleted",
            "collection.assets_changed",
            "collection.shared",
            "collection.unshared",
            "asset.created",
            "asset.updated",
            "asset.deleted",
            PING);

    public static WebhookEvent collection(String event, String action, long id, Map<String, Object> data) {
        return new WebhookEvent("collection." + event, "collection", action, "/api/v2/collections/" + id, data);
    }

    public static WebhookEvent asset(String event, String action, long id, Map<String, Object> data) {
        return new WebhookEvent("asset." + event, "asset", action, "/api/v2/assets/" + id, data);
    }
}
