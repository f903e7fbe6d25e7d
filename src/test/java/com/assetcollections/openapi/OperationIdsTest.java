package com.assetcollections.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Operation ids are a verb and the nouns of the path, as a generated client's method names. */
class OperationIdsTest {

    private static final Shape GADGET = Shape.of("gadgets");

    @Test
    void namesEachOperationWithAVerbAndTheNounsOfItsPath() {
        List<Endpoint> endpoints = List.of(
                Endpoint.of("GET", "/api/v2/crates", "list", Answer.LIST, GADGET),
                Endpoint.of("POST", "/api/v2/crates", "create", Answer.CREATED, GADGET),
                Endpoint.of("GET", "/api/v2/crates/{key}", "one", Answer.ITEM, GADGET),
                Endpoint.of("PATCH", "/api/v2/crates/{key}", "change", Answer.CHANGED, GADGET),
                Endpoint.deletes("/api/v2/crates/{key}", "delete"),
                Endpoint.of("GET", "/api/v2/crates/{key}/gadgets", "its gadgets", Answer.LIST, GADGET),
                Endpoint.of("POST", "/api/v2/crates/{key}/gadgets", "add", Answer.CHANGED, GADGET),
                Endpoint.of("PUT", "/api/v2/crates/{key}/gadgets", "order", Answer.CHANGED, GADGET),
                Endpoint.deletes("/api/v2/crates/{key}/gadgets/{gadget}", "remove one"),
                Endpoint.of("GET", "/api/v2/crates/{key}/deliveries", "every one", Answer.ALL, GADGET),
                Endpoint.of("POST", "/api/v2/crates/{key}/deliveries", "send", Answer.CREATED_OR_CHANGED, GADGET),
                Endpoint.of("POST", "/api/v2/crates/{key}/rotate-secret", "rotate", Answer.CHANGED, GADGET),
                Endpoint.of("GET", "/api/v2/me", "me", Answer.ITEM, GADGET),
                Endpoint.of("GET", "/api/v2/openapi.json", "document", Answer.DOCUMENT, GADGET));

        OperationIds ids = new OperationIds(endpoints);

        assertThat(endpoints.stream().map(ids::of))
                .containsExactly(
                        "listCrates",
                        "createCrate",
                        "getCrate",
                        "updateCrate",
                        "deleteCrate",
                        "listCrateGadgets",
                        "addCrateGadgets",
                        "replaceCrateGadgets",
                        "deleteCrateGadget",
                        "listCrateDeliveries",
                        "createCrateDelivery",
                        "rotateCrateSecret",
                        "getMe",
                        "getOpenapiJson");
    }

    @Test
    void refusesTwoOperationsOfTheSameName() {
        List<Endpoint> endpoints = List.of(
                Endpoint.of("POST", "/api/v2/crates/{key}/ping", "ping", Answer.ACCEPTED, GADGET),
                Endpoint.of("POST", "/api/v2/crates/{id}/ping", "ping again", Answer.ACCEPTED, GADGET));

        assertThatThrownBy(() -> new OperationIds(endpoints))
                .hasMessage("the operations POST /api/v2/crates/{key}/ping and POST /api/v2/crates/{id}/ping would"
                        + " both be named pingCrate");
    }
}
