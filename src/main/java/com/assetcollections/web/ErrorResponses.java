package com.assetcollections.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;

/** Writes the error shape straight to a servlet response, for the filters that run before MVC. */
public final class ErrorResponses {

    private final ObjectMapper json;

    public ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, int status, String message, Map<String, String> headers)
            throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ApiError.of(message));
    }

    /** The 503 of a request the database could not serve, as {@code ApiExceptionHandler} answers it. */
    public void writeUnavailable(HttpServletResponse response, Unavailability unavailable) throws IOException {
        write(response, 503, unavailable.message(), Map.of("Retry-After", unavailable.retryAfterSeconds()));
    }
}
