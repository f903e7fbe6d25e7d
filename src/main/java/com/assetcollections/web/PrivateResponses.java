package com.assetcollections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every API response depends on who asks: {@code Cache-Control: private, no-cache} (no shared
 * cache keeps it; a browser revalidates it with its ETag) and {@code Vary: Authorization,
 * Accept-Encoding}. A handler that sets its own {@code Cache-Control} (e.g. {@code no-store} on a
 * response showing a secret) replaces the default.
 */
class PrivateResponses extends OncePerRequestFilter {

    static final String DEFAULT = "private, no-cache";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, DEFAULT);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION + ", " + HttpHeaders.ACCEPT_ENCODING);
        chain.doFilter(request, new OwnCacheControl(response));
    }

    /** Lets the first {@code Cache-Control} a handler adds replace the default instead of joining it. */
    private static final class OwnCacheControl extends HttpServletResponseWrapper {

        private boolean defaulted = true;

        OwnCacheControl(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                defaulted = false;
            }
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (defaulted && HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
