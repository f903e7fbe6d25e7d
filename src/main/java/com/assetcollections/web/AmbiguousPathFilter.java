package com.assetcollections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, an API request whose path Tomcat and Spring MVC would read as two different
 * paths. Both decode percent-escapes and drop {@code ;parameters}, but only Tomcat resolves
 * {@code .} and {@code ..} segments and merges repeated slashes before it maps filters, while
 * Spring MVC matches handlers on the segments as written: {@code /api/v2/collections/./shares}
 * is the anonymous {@code /api/v2/collections/shares} to Tomcat and the share list to Spring. No
 * API path needs those forms, so they end here, before authentication; every request past this
 * filter is handled as the {@link #routedPath} the other filters decide on.
 */
public class AmbiguousPathFilter extends OncePerRequestFilter {

    static final String MESSAGE = "malformed path: API paths take no `.` or `..` segments and no empty ones (`//`)";

    private final ErrorResponses errors;

    public AmbiguousPathFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    /**
     * The path Tomcat mapped the request by: percent-decoded, without {@code ;parameters} and the
     * context path, normalised. Filters decide on this path, never on the raw {@code getRequestURI()}.
     */
    public static String routedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!routedPath(request).equals(pathSpringMatches(request))) {
            errors.write(response, 400, MESSAGE, Map.of());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The path as Spring MVC's handler mapping reads it: each raw segment decoded, without its parameters. */
    private static String pathSpringMatches(HttpServletRequest request) {
        RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
        StringBuilder text = new StringBuilder();
        for (PathContainer.Element element : path.pathWithinApplication().elements()) {
            text.append(
                    element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
        }
        return text.toString();
    }
}
