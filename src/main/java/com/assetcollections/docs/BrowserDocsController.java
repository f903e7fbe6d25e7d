package com.assetcollections.docs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API's documentation for a browser at {@code /docs}: Swagger UI over the generated OpenAPI
 * document, where a token can be entered and every operation tried. Not part of the API: it
 * needs no token, and lies outside {@code /api/}, the only handlers the document is built from
 * and checked against at startup.
 */
@Controller
class BrowserDocsController {

    static final String PATH = "/docs";
    private static final Resource PAGE = new ClassPathResource("docs/index.html");

    /**
     * The root has nothing of its own: a person who opens it in a browser wants the docs. The
     * redirects are relative, so that they also lead there behind a proxy's path prefix.
     */
    @GetMapping("/")
    ResponseEntity<Void> fromTheRoot() {
        return found("docs");
    }

    @GetMapping(PATH + "/")
    ResponseEntity<Void> fromTheDocsWithASlash() {
        return found("../docs");
    }

    private static ResponseEntity<Void> found(String relative) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(relative))
                .build();
    }

    @GetMapping(PATH)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(PAGE);
    }
}
