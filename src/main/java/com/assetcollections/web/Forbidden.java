package com.assetcollections.web;

/**
 * The caller may see the thing but not do this to it (e.g. a user it is shared with tries to
 * delete it); answered with 403. Things the caller may not see answer {@link NotFound} instead.
 */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
