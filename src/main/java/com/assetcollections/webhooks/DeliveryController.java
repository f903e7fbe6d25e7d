package com.assetcollections.webhooks;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.RequiredScopes;
import com.assetcollections.auth.Scope;
import com.assetcollections.web.IdempotentPosts;
import com.assetcollections.web.JsonResponses;
import com.assetcollections.web.PageLinks;
import com.assetcollections.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log of a subscription the caller manages (404 otherwise), redelivery and pings. */
@RestController
class DeliveryController {

    private final WebhookReader webhooks;
    private final DeliveryReader reader;
    private final DeliveryWriter writer;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final IdempotentPosts posts;

    DeliveryController(
            WebhookReader webhooks,
            DeliveryReader reader,
            DeliveryWriter writer,
            RequestBodies bodies,
            JsonResponses responses,
            IdempotentPosts posts) {
        this.webhooks = webhooks;
        this.reader = reader;
        this.writer = writer;
        this.bodies = bodies;
        this.responses = responses;
        this.posts = posts;
    }

    @GetMapping("/api/v2/webhooks/{key}/deliveries")
    @RequiredScopes(Scope.WEBHOOKS_READ)
    Map<String, Object> list(@PathVariable String key, Caller caller, HttpServletRequest request, PageLinks links) {
        long webhookId = webhooks.visibleId(caller, key);
        return reader.list(webhookId, request.getParameterMap(), links);
    }

    @GetMapping("/api/v2/webhooks/{key}/deliveries/{delivery}")
    @RequiredScopes(Scope.WEBHOOKS_READ)
    ResponseEntity<Map<String, Object>> one(
            @PathVariable String key, @PathVariable String delivery, Caller caller, HttpServletRequest request) {
        long webhookId = webhooks.visibleId(caller, key);
        return responses.read(reader.one(webhookId, delivery, request.getParameterMap()));
    }

    /** 202: the delivery, pending again; the dispatcher sends it shortly. */
    @PostMapping("/api/v2/webhooks/{key}/deliveries/{delivery}/redeliver")
    @RequiredScopes(Scope.WEBHOOKS_WRITE)
    ResponseEntity<byte[]> redeliver(
            @PathVariable String key, @PathVariable String delivery, Caller caller, HttpServletRequest request) {
        long webhookId = webhooks.visibleId(caller, key);
        return posts.run(caller.userId(), request, bodies.raw(request), () -> {
            long deliveryId = writer.redeliver(caller, webhookId, delivery);
            return accepted(reader.current(webhookId, deliveryId));
        });
    }

    /** 202: the pending delivery of a new {@code webhook.ping} event, whose data is the subscription. */
    @PostMapping("/api/v2/webhooks/{key}/ping")
    @RequiredScopes(Scope.WEBHOOKS_WRITE)
    ResponseEntity<byte[]> ping(@PathVariable String key, Caller caller, HttpServletRequest request) {
        long webhookId = webhooks.visibleId(caller, key);
        return posts.run(caller.userId(), request, bodies.raw(request), () -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> subscription =
                    (Map<String, Object>) webhooks.current(caller, webhookId).get("data");
            long deliveryId = writer.ping(caller, webhookId, subscription);
            return accepted(reader.current(webhookId, deliveryId));
        });
    }

    private ResponseEntity<byte[]> accepted(Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(responses.bytes(body));
    }
}
