package com.assetcollections.web;

/** The thing asked for does not exist or the caller may not see it; answered with 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
