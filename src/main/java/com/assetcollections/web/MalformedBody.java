package com.assetcollections.web;

/** A body that is not a JSON object, or names fields the endpoint does not know; answered with 400. */
public class MalformedBody extends RuntimeException {

    public MalformedBody(String message) {
        super(message);
    }
}
