package com.assetcollections.assets;

import static com.assetcollections.assets.AssetTable.ID;
import static com.assetcollections.assets.AssetTable.UUID_;

import com.assetcollections.auth.Caller;
import com.assetcollections.web.JsonValues;
import com.assetcollections.webhooks.Audience;
import com.assetcollections.webhooks.Outbox;
import com.assetcollections.webhooks.WebhookEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * The webhook events of changes to assets, recorded in the writing transaction. Every user reads
 * the whole catalogue, so every subscription that asked for an asset event hears of it; the asset's
 * full representation is the same whoever reads it.
 */
@Component
class AssetEvents {

    private final Outbox outbox;
    private final AssetReader reader;

    AssetEvents(Outbox outbox, AssetReader reader) {
        this.outbox = outbox;
        this.reader = reader;
    }

    void created(Caller caller, Record row) {
        record("created", "create", caller, row);
    }

    void updated(Caller caller, Record row) {
        record("updated", "update", caller, row);
    }

    void deleted(Record row, Instant deletedAt) {
        long id = row.get(ID);
        outbox.record("asset.deleted", Audience.everyone(), () -> {
            Map<String, Object> tombstone = new LinkedHashMap<>();
            tombstone.put("id", id);
            tombstone.put("uuid", JsonValues.of(row.get(UUID_)));
            tombstone.put("deleted_at", JsonValues.datetime(deletedAt));
            return WebhookEvent.asset("deleted", "delete", id, tombstone);
        });
    }

    @SuppressWarnings("unchecked")
    private void record(String event, String action, Caller caller, Record row) {
        long id = row.get(ID);
        outbox.record(
                "asset." + event,
                Audience.everyone(),
                () -> WebhookEvent.asset(event, action, id, (Map<String, Object>)
                        reader.written(caller, row).get("data")));
    }
}
