package com.assetcollections.auth;

import com.assetcollections.web.AmbiguousPathFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests without a token are served as {@link Caller#ANONYMOUS} ({@code
 * app.anonymous-read.enabled}, off by default): only GET and HEAD, with no {@code Authorization}
 * header at all, on the read endpoints of collections and their assets listed here. Everything
 * else keeps answering 401 whatever the setting, so an endpoint added later (a write, a share
 * list, an admin page) is never reachable without a token unless it is added to this list.
 */
public final class AnonymousRead {

    private static final List<PathPattern> PUBLIC_READS = Stream.of(
                    "/api/v2/collections",
                    "/api/v2/collections/{key}",
                    "/api/v2/collections/{key}/assets",
                    "/api/v2/assets",
                    "/api/v2/assets/{key}")
            .map(PathPatternParser.defaultInstance::parse)
            .toList();
    /** The routed path is decoded already: decoding it again would read {@code %2561} as {@code a}. */
    private static final PathContainer.Options DECODED = PathContainer.Options.create('/', false);

    private final boolean enabled;

    public AnonymousRead(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether requests without a token to the handler of {@code method} and {@code pattern} are served. */
    public boolean serves(String method, String pattern) {
        return enabled
                && method.equals("GET")
                && PUBLIC_READS.stream()
                        .anyMatch(read -> read.getPatternString().equals(pattern));
    }

    /** Whether {@code request} is read anonymously; a request with any Authorization header never is. */
    boolean admits(HttpServletRequest request) {
        if (!enabled || request.getHeader("Authorization") != null) {
            return false;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(AmbiguousPathFilter.routedPath(request), DECODED);
        return PUBLIC_READS.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
