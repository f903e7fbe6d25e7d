package com.assetcollections.webhooks;

import static com.assetcollections.openapi.Answer.ACCEPTED;
import static com.assetcollections.openapi.Answer.CHANGED;
import static com.assetcollections.openapi.Answer.CREATED;
import static com.assetcollections.openapi.Answer.ITEM;
import static com.assetcollections.openapi.Answer.LIST;

import com.assetcollections.openapi.Endpoint;
import com.assetcollections.openapi.EndpointList;
import com.assetcollections.openapi.Property;
import com.assetcollections.query.ValueType;
import java.util.List;
import org.springframework.stereotype.Component;

/** The webhook subscriptions and their delivery logs as the OpenAPI document lists them. */
@Component
class WebhookEndpoints implements EndpointList {

    private static final String WEBHOOKS = "/api/v2/webhooks";
    private static final String ONE = WEBHOOKS + "/{key}";
    private static final String DELIVERIES = ONE + "/deliveries";
    private static final Property SECRET =
            Property.of("secret", ValueType.STRING, "the signing secret `whsec_…`: shown in this answer only");

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(
                        "GET",
                        WEBHOOKS,
                        "list the caller's subscriptions (an admin's: everyone's)",
                        LIST,
                        WebhookSchema.SCHEMA),
                Endpoint.of("GET", ONE, "one subscription", ITEM, WebhookSchema.SCHEMA),
                Endpoint.of("POST", WEBHOOKS, "subscribe to events", CREATED, WebhookSchema.SCHEMA)
                        .taking(WebhookBody.CREATE)
                        .adding(SECRET),
                Endpoint.of("PATCH", ONE, "change a subscription", CHANGED, WebhookSchema.SCHEMA)
                        .taking(WebhookBody.UPDATE),
                Endpoint.deletes(ONE, "delete a subscription"),
                Endpoint.of(
                                "POST",
                                ONE + "/rotate-secret",
                                "a new signing secret; the previous one keeps signing for app.webhooks.rotation-overlap",
                                CHANGED,
                                WebhookSchema.SCHEMA)
                        .adding(SECRET),
                Endpoint.of("POST", ONE + "/ping", "send a `webhook.ping` event", ACCEPTED, DeliverySchema.SCHEMA),
                Endpoint.of("GET", DELIVERIES, "the delivery log of a subscription", LIST, DeliverySchema.SCHEMA),
                Endpoint.of("GET", DELIVERIES + "/{delivery}", "one delivery", ITEM, DeliverySchema.SCHEMA),
                Endpoint.of(
                        "POST",
                        DELIVERIES + "/{delivery}/redeliver",
                        "deliver an event again",
                        ACCEPTED,
                        DeliverySchema.SCHEMA));
    }
}
