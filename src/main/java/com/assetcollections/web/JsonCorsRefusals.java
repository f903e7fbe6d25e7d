package com.assetcollections.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS checks, refusing with the API's JSON error body instead of plain text. */
final class JsonCorsRefusals extends DefaultCorsProcessor {

    static final String MESSAGE = "cross-origin request refused: its origin, method or request headers are not"
            + " allowed here (app.cors.allowed-origins; see the CORS section of docs/API.md)";

    private final ErrorResponses errors;

    JsonCorsRefusals(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
        errors.write(servlet, 403, MESSAGE, Map.of());
    }
}
