package com.assetcollections.auth;

/** The token is valid but lacks the scope the request needs; answered with 403. */
public class MissingScope extends RuntimeException {

    public MissingScope(Scope scope) {
        super("this token lacks the `" + scope.token() + "` scope");
    }
}
