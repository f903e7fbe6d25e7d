package com.assetcollections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the application shuts down ({@link ShutdownDrain}), answers every request that arrives
 * 503 with {@code Retry-After} and the JSON error body; the health endpoints still answer, to say
 * so themselves.
 */
class DrainingFilter extends OncePerRequestFilter {

    static final String MESSAGE = "the service is shutting down; retry, another instance may answer";

    private final ShutdownDrain shutdown;
    private final ErrorResponses errors;

    DrainingFilter(ShutdownDrain shutdown, ErrorResponses errors) {
        this.shutdown = shutdown;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (shutdown.draining() && !request.getRequestURI().startsWith("/health")) {
            response.setHeader("Connection", "close");
            errors.write(response, 503, MESSAGE, Map.of("Retry-After", "1"));
            return;
        }
        chain.doFilter(request, response);
    }
}
