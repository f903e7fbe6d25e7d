package com.assetcollections.web;

import com.assetcollections.auth.BearerTokenFilter;
import com.assetcollections.auth.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of everything: gives each request its {@link RequestId} (response header, and MDC so
 * that every line logged while it runs carries it), then logs one line for it — method, route
 * template (never the raw path, which may hold ids and query values), status, duration, user id.
 * No header is logged, so no token is.
 */
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("com.assetcollections.access");

    private final RouteTemplates routes;

    AccessLogFilter(RouteTemplates routes) {
        this.routes = routes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestId.of(request.getHeader(RequestId.HEADER));
        response.setHeader(RequestId.HEADER, id);
        long start = System.nanoTime();
        MDC.put(RequestId.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
            logLine(request, response.getStatus(), System.nanoTime() - start);
        } catch (IOException | ServletException | RuntimeException e) {
            // answered after this filter, by the container's error page (JsonErrorController)
            logLine(request, Unavailability.of(e).isPresent() ? 503 : 500, System.nanoTime() - start);
            throw e;
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
    }

    private void logLine(HttpServletRequest request, int status, long nanos) {
        if (!log.isInfoEnabled()) {
            return;
        }
        String route = routes.of(request);
        String user = user(request);
        double millis = Math.round(nanos / 1e5) / 10.0;
        log.atInfo()
                .addKeyValue("method", request.getMethod())
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", millis)
                .addKeyValue("user_id", user)
                .log("{} {} {} {} ms user={}", request.getMethod(), route, status, millis, user);
    }

    private static String user(HttpServletRequest request) {
        if (!(request.getAttribute(BearerTokenFilter.CALLER) instanceof Caller caller)) {
            return "-";
        }
        return caller.anonymous() ? "anonymous" : Long.toString(caller.userId());
    }
}
