package com.assetcollections.system;

import com.assetcollections.assets.AssetTombstones;
import com.assetcollections.collections.Tombstones;
import com.assetcollections.web.IdempotentPosts;
import com.assetcollections.webhooks.EventRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes what is kept only for a while — Idempotency-Key responses after
 * {@code app.idempotency-keys.kept}, tombstones after {@code app.tombstones.kept}, webhook events
 * and their delivery logs after {@code app.webhooks.retention} — on a schedule
 * of its own rather than in requests: a keyed POST or a delete then touches only its own rows, and
 * writes of different users never wait on one purge. Every instance runs it (batches skip rows
 * another instance holds); the command line does not.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Profile("!command")
class Purges {

    private static final Logger log = LoggerFactory.getLogger(Purges.class);

    private final IdempotentPosts idempotentPosts;
    private final Tombstones collectionTombstones;
    private final AssetTombstones assetTombstones;
    private final EventRetention webhookEvents;

    Purges(
            IdempotentPosts idempotentPosts,
            Tombstones collectionTombstones,
            AssetTombstones assetTombstones,
            EventRetention webhookEvents) {
        this.idempotentPosts = idempotentPosts;
        this.collectionTombstones = collectionTombstones;
        this.assetTombstones = assetTombstones;
        this.webhookEvents = webhookEvents;
    }

    @Scheduled(
            initialDelayString = "${app.idempotency-keys.purge-interval:1m}",
            fixedDelayString = "${app.idempotency-keys.purge-interval:1m}")
    void idempotencyKeys() {
        log.debug("purged {} expired idempotency keys", idempotentPosts.purgeExpired());
    }

    @Scheduled(
            initialDelayString = "${app.tombstones.purge-interval:1h}",
            fixedDelayString = "${app.tombstones.purge-interval:1h}")
    void tombstones() {
        log.debug(
                "purged {} collection and {} asset tombstones",
                collectionTombstones.purgeExpired(),
                assetTombstones.purgeExpired());
    }

    @Scheduled(
            initialDelayString = "${app.webhooks.purge-interval:1h}",
            fixedDelayString = "${app.webhooks.purge-interval:1h}")
    void webhookEvents() {
        log.debug("purged {} webhook events with their deliveries", webhookEvents.purgeExpired());
    }
}
