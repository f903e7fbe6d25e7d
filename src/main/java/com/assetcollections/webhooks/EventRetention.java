package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.EVENTS_TABLE;
import static com.assetcollections.webhooks.WebhookTable.EVENT_CREATED_AT;
import static com.assetcollections.webhooks.WebhookTable.EVENT_ID;

import com.assetcollections.storage.ExpiredRows;
import com.assetcollections.storage.SqlTypes;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox and the delivery logs for {@code app.webhooks.retention} (30 days): older events
 * go, and their deliveries with them (the foreign key cascades), whatever became of them.
 */
@Component
public class EventRetention {

    private final ExpiredRows expiredRows;
    private final WebhookSettings settings;

    EventRetention(ExpiredRows expiredRows, WebhookSettings settings) {
        this.expiredRows = expiredRows;
        this.settings = settings;
    }

    /** Removes every event older than the retention, in bounded batches; returns how many went. */
    public int purgeExpired() {
        return expiredRows.purge(EVENTS_TABLE, EVENT_CREATED_AT, SqlTypes.now().minus(settings.retention()), EVENT_ID);
    }
}
