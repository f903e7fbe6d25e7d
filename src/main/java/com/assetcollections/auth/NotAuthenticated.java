package com.assetcollections.auth;

/**
 * A handler that needs a {@link Caller} was reached without one; answered with 401 like a request
 * without a token. {@link BearerTokenFilter} sees every API path first, so this is the safety net
 * for a path that reached a handler some other way.
 */
public class NotAuthenticated extends RuntimeException {

    public NotAuthenticated() {
        super(BearerTokenFilter.AUTHENTICATION_REQUIRED);
    }
}
