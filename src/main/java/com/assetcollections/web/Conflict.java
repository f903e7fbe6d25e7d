package com.assetcollections.web;

/** The request clashes with the current state (e.g. an e-mail address already taken); answered with 409. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
