package com.assetcollections.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one signed event to a receiver (Standard Webhooks headers) and reports what happened. No
 * redirects are followed and every address connected to is checked by {@link TargetGuard}, in the
 * resolver itself, so a name that resolves to a private address by the time of the delivery is
 * refused. Connect timeout and whole-request deadline from the settings (5 s, 15 s).
 */
@Component
class DeliverySender implements DisposableBean {

    static final String USER_AGENT = "AssetCollections-Webhooks/1 (+https://github.com/asset-collections/api)";
    /** Response bytes read beyond the kept 1 KB so the connection can be reused; past this it is closed. */
    private static final int DRAINED_BYTES = 64 * 1024;

    private final TargetGuard guard;
    private final WebhookSettings settings;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    DeliverySender(TargetGuard guard, WebhookSettings settings) {
        this.guard = guard;
        this.settings = settings;
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(checked)
                .setMaxConnTotal(Math.max(2, settings.receiversAtOnce() * 2))
                // each subscription being delivered to holds at most one connection; subscriptions
                // on one host must not queue for each other's (a hung one would time the others out)
                .setMaxConnPerRoute(Math.max(2, settings.receiversAtOnce()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.requestTimeout()))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(settings.requestTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .build();
    }

    /**
     * Posts {@code body} to {@code url}, signed by {@code signature}. The caller has checked the URL
     * with {@link TargetGuard#problem} lately; the addresses connected to are checked here, by the resolver.
     */
    DeliveryAttempt send(String url, Signature signature, String webhookId, byte[] body) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        long timestamp = started.getEpochSecond();
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", webhookId);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signature.header(webhookId, timestamp, body));
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline =
                deadlines.schedule(post::cancel, settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, response -> {
                String kept = read(response.getEntity());
                return new DeliveryAttempt(started, response.getCode(), millisSince(start), kept, null);
            });
        } catch (IOException | RuntimeException e) {
            String error = post.isCancelled()
                    ? "no response within " + settings.requestTimeout().toSeconds() + " s"
                    : describe(e);
            return new DeliveryAttempt(started, null, millisSince(start), null, error);
        } finally {
            deadline.cancel(false);
        }
    }

    /** The first 1 KB of a response body as text; reads a little more so the connection stays reusable. */
    private static String read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] kept = in.readNBytes(DeliveryAttempt.KEPT_BODY_BYTES);
            long drained = 0;
            while (drained < DRAINED_BYTES && in.read() >= 0) {
                drained++;
            }
            return new String(kept, StandardCharsets.UTF_8);
        }
    }

    private static String describe(Exception e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
