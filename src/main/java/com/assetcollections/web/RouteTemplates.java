package com.assetcollections.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The route template a request was (or would have been) handled by, such as {@code
 * /api/v2/collections/{id}}: what MVC matched, or for a request a filter answered before MVC (401,
 * 429, 503) the handler mapping's match looked up afterwards; {@code -} for no route at all.
 */
class RouteTemplates {

    static final String NONE = "-";

    /** Looked up at the first request: the filters are made before MVC. */
    private final Supplier<RequestMappingHandlerMapping> handlers;

    RouteTemplates(Supplier<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    String of(HttpServletRequest request) {
        Object matched = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (matched == null) {
            try {
                handlers.get().getHandler(request); // sets the attribute when a route matches
                matched = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            } catch (Exception noRoute) {
                // a route for another method, say: none to name
            }
        }
        return matched == null ? NONE : matched.toString();
    }
}
