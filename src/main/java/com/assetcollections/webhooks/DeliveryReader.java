package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;
import static com.assetcollections.webhooks.WebhookTable.EVENTS_TABLE;
import static com.assetcollections.webhooks.WebhookTable.EVENT_ID;

import com.assetcollections.query.ItemKey;
import com.assetcollections.query.QueryParser;
import com.assetcollections.query.ResourceItems;
import com.assetcollections.query.ResourcePages;
import com.assetcollections.query.ResourceQuery;
import com.assetcollections.query.Source;
import com.assetcollections.web.PageLinks;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.springframework.stereotype.Service;

/** Reads the delivery log of one subscription, whose visibility the caller has checked ({@link WebhookReader#visibleId}). */
@Service
class DeliveryReader {

    private static final ResourceQuery FULL = QueryParser.parseItem(DeliverySchema.SCHEMA, Map.of());

    private final ResourcePages pages;

    DeliveryReader(ResourcePages pages) {
        this.pages = pages;
    }

    Map<String, Object> list(long webhookId, Map<String, String[]> parameters, PageLinks links) {
        ResourceQuery query = QueryParser.parseList(DeliverySchema.SCHEMA, parameters);
        return pages.list(source(webhookId), query, 0, links, rows -> ResourceItems.write(rows, query, List.of()));
    }

    Map<String, Object> one(long webhookId, String key, Map<String, String[]> parameters) {
        return item(webhookId, ItemKey.id(key, "delivery"), QueryParser.parseItem(DeliverySchema.SCHEMA, parameters));
    }

    /** The full representation of a delivery, as a write (redeliver, ping) left it. */
    Map<String, Object> current(long webhookId, long deliveryId) {
        return item(webhookId, deliveryId, FULL);
    }

    private Map<String, Object> item(long webhookId, long deliveryId, ResourceQuery query) {
        Record row = pages.item(source(webhookId), DELIVERY_ID.eq(deliveryId), query);
        if (row == null) {
            throw ItemKey.notFound(Long.toString(deliveryId), "delivery");
        }
        return ResourceItems.body(
                ResourceItems.write(List.of(row), query, List.of()).get(0));
    }

    private static Source source(long webhookId) {
        return new Source(
                DELIVERIES.join(EVENTS_TABLE).on(EVENT_ID.eq(DELIVERY_EVENT_ID)),
                DELIVERY_WEBHOOK_ID.eq(webhookId),
                "webhook:" + webhookId,
                null,
                List.of(), // not cached: read by its owner now and then, changed at the rate of the writes
                List.of(DELIVERY_ID));
    }
}
