package com.assetcollections.ratelimit;

import com.assetcollections.auth.BearerTokenFilter;
import com.assetcollections.auth.Caller;
import com.assetcollections.web.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * At most {@code app.rate-limit.concurrent-per-user} API requests of one user (anonymous callers:
 * of one address) run at once; more are answered 429 with {@code Retry-After} at once, before
 * they touch the database. A request holds at most one pooled connection at a time, so one
 * user's expensive requests can never take more than that many connections from everyone else.
 */
@Component
public class ConcurrentRequestLimit implements HandlerInterceptor {

    private static final String HELD = ConcurrentRequestLimit.class.getName() + ".held";

    private final int limit;
    private final ErrorResponses errors;
    /** Requests running now, per caller; a caller with none has no entry. */
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    public ConcurrentRequestLimit(@Value("${app.rate-limit.concurrent-per-user:5}") int limit, ErrorResponses errors) {
        this.limit = limit;
        this.errors = errors;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Caller caller = (Caller) request.getAttribute(BearerTokenFilter.CALLER);
        if (caller == null || request.getAttribute(HELD) != null) {
            return true;
        }
        String key = caller.anonymous() ? "ip:" + request.getRemoteAddr() : "user:" + caller.userId();
        if (running.merge(key, 1, Integer::sum) > limit) {
            release(key);
            errors.write(
                    response,
                    429,
                    "too many requests at once: at most " + limit + " of one caller run at the same time; "
                            + "retry when one has finished",
                    Map.of("Retry-After", "1"));
            return false;
        }
        request.setAttribute(HELD, key);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        Object key = request.getAttribute(HELD);
        if (key != null) {
            request.removeAttribute(HELD);
            release((String) key);
        }
    }

    /** Requests of {@code key} running now (for tests and metrics). */
    int running(String key) {
        return running.getOrDefault(key, 0);
    }

    private void release(String key) {
        running.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }
}
