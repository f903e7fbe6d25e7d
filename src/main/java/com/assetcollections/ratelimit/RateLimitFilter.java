package com.assetcollections.ratelimit;

import com.assetcollections.auth.BearerTokenFilter;
import com.assetcollections.auth.Caller;
import com.assetcollections.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts each authenticated API request against its user's limit and writes the X-RateLimit headers. */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ErrorResponses errors;

    public RateLimitFilter(RateLimiter limiter, ErrorResponses errors) {
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getAttribute(BearerTokenFilter.CALLER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = (Caller) request.getAttribute(BearerTokenFilter.CALLER);
        RateLimiter.Decision decision = limiter.consume("user:" + caller.userId());
        response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            errors.write(
                    response,
                    429,
                    "too many requests: the limit of " + decision.limit() + " requests is used up; retry after "
                            + decision.retryAfterSeconds() + " s",
                    Map.of(
                            "Retry-After",
                            Long.toString(decision.retryAfterSeconds()),
                            "X-RateLimit-Reset",
                            Long.toString(decision.resetEpochSecond())));
            return;
        }
        chain.doFilter(request, response);
    }
}
