package com.assetcollections.query;

/** A query parameter that cannot be honoured; answered with 400 and this message. */
public class InvalidQuery extends RuntimeException {

    private final String parameter;

    public InvalidQuery(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The query parameter at fault, as the client wrote it (e.g. {@code filter[name]}). */
    public String parameter() {
        return parameter;
    }
}
