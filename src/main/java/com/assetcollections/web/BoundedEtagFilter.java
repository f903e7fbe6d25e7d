package com.assetcollections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring's {@link org.springframework.web.filter.ShallowEtagHeaderFilter} for bodies up to a size:
 * a successful GET whose body is at most {@code maxBody} bytes gets the same strong ETag (the MD5 of
 * the body, see {@link JsonResponses#etag}), or 304 when it matches {@code If-None-Match} (weakly:
 * either form of the ETag matches). A body that the server will gzip gets the weak form of that
 * ETag instead ({@link GzipForms}): the gzip bytes are not the identity bytes. A larger
 * body is sent as it is written, without an ETag: holding it whole only to hash it is what let a few
 * large pages fill the heap (issue 9).
 */
class BoundedEtagFilter extends OncePerRequestFilter {

    private final int maxBody;
    private final GzipForms gzip;

    BoundedEtagFilter(int maxBody, GzipForms gzip) {
        this.maxBody = maxBody;
        this.gzip = gzip;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeldBody held = new HeldBody(response, maxBody);
        chain.doFilter(request, held);
        if (!held.holding()) {
            return;
        }
        if (eligible(request, response)) {
            String etag = response.getHeader(HttpHeaders.ETAG);
            if (!StringUtils.hasText(etag)) {
                etag = JsonResponses.etag(held.body());
            }
            if (gzip.gzipped(request, response.getContentType(), held.size())) {
                etag = GzipForms.weak(etag);
            }
            response.setHeader(HttpHeaders.ETAG, etag);
            if (new ServletWebRequest(request, response).checkNotModified(etag)) {
                return;
            }
        }
        held.send();
    }

    private static boolean eligible(HttpServletRequest request, HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return "GET".equals(request.getMethod())
                && !response.isCommitted()
                && response.getStatus() >= 200
                && response.getStatus() < 300
                && (cacheControl == null || !cacheControl.contains("no-store"));
    }
}
