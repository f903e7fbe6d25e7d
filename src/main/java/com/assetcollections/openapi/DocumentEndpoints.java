package com.assetcollections.openapi;

import java.util.List;
import org.springframework.stereotype.Component;

/** The document describes itself too. */
@Component
class DocumentEndpoints implements EndpointList {

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(
                        "GET",
                        "/api/v2/openapi.json",
                        "this OpenAPI document, as JSON",
                        Answer.DOCUMENT,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of()),
                new Endpoint(
                        "GET",
                        "/api/v2/openapi.yaml",
                        "this OpenAPI document, as YAML",
                        Answer.DOCUMENT,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of()));
    }
}
