package com.assetcollections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts the requests this instance is answering, so that background work can tell when the API is busy. */
public final class RequestsInFlight extends OncePerRequestFilter {

    private final AtomicInteger count = new AtomicInteger();

    /** Requests that have arrived and not yet been answered. */
    public int count() {
        return count.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        count.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            count.decrementAndGet();
        }
    }
}
