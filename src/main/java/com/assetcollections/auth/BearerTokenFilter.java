package com.assetcollections.auth;

import com.assetcollections.ratelimit.AddressGroup;
import com.assetcollections.ratelimit.Rejections;
import com.assetcollections.users.Tokens;
import com.assetcollections.web.AmbiguousPathFilter;
import com.assetcollections.web.ErrorResponses;
import com.assetcollections.web.Unavailability;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /api/} request from its {@code Authorization: Bearer} header and
 * stores the {@link Caller} for the rest of the request; anything else answers 401, except the
 * token-less reads that {@link AnonymousRead} admits, which get {@link Caller#ANONYMOUS}. A
 * request that sends a token that does not work is 401, never read anonymously instead; a client
 * that sent too many of those is 429 for a while ({@link FailedAuthentications}).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    public static final String CALLER = Caller.class.getName();
    static final String AUTHENTICATION_REQUIRED = "authentication required: send `Authorization: Bearer <token>`";
    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer");

    private final Tokens tokens;
    private final ErrorResponses errors;
    private final AnonymousRead anonymousRead;
    private final FailedAuthentications failedAuthentications;

    public BearerTokenFilter(
            Tokens tokens,
            ErrorResponses errors,
            AnonymousRead anonymousRead,
            FailedAuthentications failedAuthentications) {
        this.tokens = tokens;
        this.errors = errors;
        this.anonymousRead = anonymousRead;
        this.failedAuthentications = failedAuthentications;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = AmbiguousPathFilter.routedPath(request);
        return !path.startsWith("/api/") || OpenPaths.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (anonymousRead.admits(request)) {
            request.setAttribute(CALLER, Caller.ANONYMOUS);
            chain.doFilter(request, response);
            return;
        }
        Optional<String> token = bearerToken(request.getHeader("Authorization"));
        if (token.isEmpty()) {
            errors.write(response, 401, AUTHENTICATION_REQUIRED, CHALLENGE);
            return;
        }
        Optional<Caller> caller = authenticate(token.get(), request, response);
        if (caller.isPresent()) {
            request.setAttribute(CALLER, caller.get());
            chain.doFilter(request, response);
        }
    }

    /**
     * The caller {@code token} stands for, or empty with the response written: 401 for a token
     * that does not work, 429 without a lookup once the client's address group has sent too many
     * of those, 503 when the database did not answer or no connection came in time.
     */
    private Optional<Caller> authenticate(String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String client = AddressGroup.of(request.getRemoteAddr());
        long wait = tokens.holdsValid(token) ? 0 : failedAuthentications.secondsUntilAllowed(client);
        if (wait > 0) {
            Rejections.count("failed_authentications");
            errors.write(
                    response,
                    429,
                    "too many failed authentications from this address; retry after " + wait + " s",
                    Map.of("Retry-After", Long.toString(wait)));
            return Optional.empty();
        }
        Optional<Caller> caller;
        try {
            caller = tokens.authenticate(token);
        } catch (RuntimeException e) {
            // thrown here, before MVC, it would pass the exception handler by and end as a 500
            Unavailability unavailable = Unavailability.of(e).orElseThrow(() -> e);
            log.warn("{} to check a bearer token: {}", unavailable.logMessage(), e.getMessage());
            errors.writeUnavailable(response, unavailable);
            return Optional.empty();
        }
        if (caller.isEmpty()) {
            failedAuthentications.count(client);
            errors.write(response, 401, "the bearer token is unknown, expired or revoked", CHALLENGE);
        }
        return caller;
    }

    /** The token of an {@code Authorization: Bearer <token>} header, if it is one. */
    public static Optional<String> bearerToken(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
