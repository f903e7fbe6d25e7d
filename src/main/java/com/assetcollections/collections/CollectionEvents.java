package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.COLLECTION_TYPE;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.OWNER_ID;
import static com.assetcollections.collections.CollectionTable.UUID_;

import com.assetcollections.web.JsonValues;
import com.assetcollections.webhooks.Audience;
import com.assetcollections.webhooks.Outbox;
import com.assetcollections.webhooks.WebhookEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * The webhook events of changes to collections, recorded in the writing transaction with the
 * collection as GET returns it (a representation row of {@link CollectionReader#REPRESENTATION})
 * and for the users who may read it at that moment.
 */
@Component
class CollectionEvents {

    private final Outbox outbox;
    private final CollectionReader reader;

    CollectionEvents(Outbox outbox, CollectionReader reader) {
        this.outbox = outbox;
        this.reader = reader;
    }

    void created(Record row) {
        record("created", "create", row, readers(row));
    }

    void updated(Record row) {
        record("updated", "update", row, readers(row));
    }

    void assetsChanged(Record row) {
        record("assets_changed", "update", row, readers(row));
    }

    void shared(Record row) {
        record("shared", "update", row, readers(row));
    }

    /** Also to the users it is no longer shared with; afterwards they hear nothing more of it. */
    void unshared(Record row, List<Long> formerReaders) {
        Audience audience = readers(row);
        for (long userId : formerReaders) {
            audience = audience.and(userId);
        }
        record("unshared", "update", row, audience);
    }

    /** Call before the row is deleted: its readers are those who could read it until now. */
    void deleted(Record row, Instant deletedAt) {
        long id = row.get(ID);
        outbox.record("collection.deleted", readers(row), () -> {
            Map<String, Object> tombstone = new LinkedHashMap<>();
            tombstone.put("id", id);
            tombstone.put("uuid", JsonValues.of(row.get(UUID_)));
            tombstone.put("deleted_at", JsonValues.datetime(deletedAt));
            return WebhookEvent.collection("deleted", "delete", id, tombstone);
        });
    }

    private void record(String event, String action, Record row, Audience audience) {
        long id = row.get(ID);
        outbox.record("collection." + event, audience, () -> WebhookEvent.collection(event, action, id, data(row)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(Record row) {
        return (Map<String, Object>) reader.written(row).get("data");
    }

    private static Audience readers(Record row) {
        return Audience.readersOfCollection(row.get(ID), row.get(OWNER_ID), "public".equals(row.get(COLLECTION_TYPE)));
    }
}
