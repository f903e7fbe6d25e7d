package com.assetcollections.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes an API handler needs, checked by {@link ScopeCheck} before anything of the request
 * is read: a token lacking one is 403 whatever its path ids, parameters or body. An empty list
 * means any valid token. Every handler under {@code /api/} declares it; the application does not
 * start otherwise ({@link ScopeDeclarations}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiredScopes {

    Scope[] value();
}
