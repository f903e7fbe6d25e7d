package com.assetcollections.web;

/** A request body over the configured limit; answered with 413. */
public class PayloadTooLarge extends RuntimeException {

    public PayloadTooLarge(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
    }
}
