package com.assetcollections.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's {@link RequiredScopes} once the handler is chosen and before its arguments
 * are bound, so that a token without the scope is 403 before a malformed path id, parameter or
 * body could answer 400 or 422 and tell it something about the endpoint.
 */
public class ScopeCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiredScopes required = method.getMethodAnnotation(RequiredScopes.class);
        if (required == null) {
            return true;
        }
        if (!(request.getAttribute(BearerTokenFilter.CALLER) instanceof Caller caller)) {
            throw new NotAuthenticated();
        }
        for (Scope scope : required.value()) {
            caller.require(scope);
        }
        return true;
    }
}
