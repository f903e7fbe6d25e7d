package com.assetcollections.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code app.webhooks.*} settings (README, "Settings").
 *
 * @param encryptionKey          base64 of the 32-byte AES key that seals signing secrets; when empty, the key
 *                               is kept in {@code encryptionKeyFile} (made on first use). Instances sharing a
 *                               database must share the key.
 * @param allowPrivateTargets    deliver to loopback, private, link-local and metadata addresses (development)
 * @param httpHosts              host names that may be targeted with plain {@code http} ({@code *}: any)
 * @param attempts               delivery attempts of one event before it is failed
 * @param firstRetry             the wait before the second attempt; each next wait is {@code multiplier} times longer
 * @param disableAfterFailedEvents events failed in a row after which a subscription is disabled
 * @param retention              how long events and their deliveries are kept
 * @param pollInterval           how often the dispatcher looks for due deliveries (sooner after a local write)
 * @param receiversAtOnce        subscriptions one instance delivers to at the same time
 * @param lease                  how long a dispatcher may hold a subscription without renewing its claim
 * @param busyRate               deliveries a second one instance sends while its API is saturated (0: as
 *                               many as when it is not; {@link DeliveryPace})
 */
@ConfigurationProperties("app.webhooks")
public record WebhookSettings(
        @DefaultValue("") String encryptionKey,
        @DefaultValue("data/webhook-encryption.key") String encryptionKeyFile,
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("") List<String> httpHosts,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration requestTimeout,
        @DefaultValue("8") int attempts,
        @DefaultValue("15s") Duration firstRetry,
        @DefaultValue("4") double multiplier,
        @DefaultValue("0.2") double jitter,
        @DefaultValue("3") int disableAfterFailedEvents,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("24h") Duration rotationOverlap,
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("32") int receiversAtOnce,
        @DefaultValue("100") int batchSize,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("50") int busyRate) {

    /** Whether {@code http://host} may be a target. */
    boolean allowsHttp(String host) {
        return httpHosts.stream().anyMatch(allowed -> allowed.equals("*") || allowed.equalsIgnoreCase(host));
    }
}
