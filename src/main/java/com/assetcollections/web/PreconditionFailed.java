package com.assetcollections.web;

/** An {@code If-Match} that names an older version of the resource; answered with 412. */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed(String message) {
        super(message);
    }
}
