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

/**
 * Counts each API request that got a {@link Caller} against a limit and writes the X-RateLimit
 * headers: an authenticated request against its user's limit, an anonymous one against the
 * stricter limit of its client address ({@code getRemoteAddr()}: the connection's peer, or what
 * the operator's {@code server.forward-headers-strategy} makes of the forwarded headers; never a
 * client-sent header on its own), IPv6 addresses by their /64 ({@link AddressGroup}).
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter perUser;
    private final RateLimiter perAnonymousAddress;
    private final ErrorResponses errors;

    public RateLimitFilter(RateLimiter perUser, RateLimiter perAnonymousAddress, ErrorResponses errors) {
        this.perUser = perUser;
        this.perAnonymousAddress = perAnonymousAddress;
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
        RateLimiter.Decision decision = caller.anonymous()
                ? perAnonymousAddress.consume("ip:" + AddressGroup.of(request.getRemoteAddr()))
                : perUser.consume("user:" + caller.userId());
        response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            Rejections.count("requests");
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
