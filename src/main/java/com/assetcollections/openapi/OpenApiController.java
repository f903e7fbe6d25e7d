package com.assetcollections.openapi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The OpenAPI document, to anyone: a client needs it before it has a token. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenApiController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final OpenApiDocuments documents;

    OpenApiController(OpenApiDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/v2/openapi.json")
    ResponseEntity<byte[]> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(documents.json());
    }

    @GetMapping("/api/v2/openapi.yaml")
    ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(YAML).body(documents.yaml());
    }
}
