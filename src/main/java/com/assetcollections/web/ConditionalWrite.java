package com.assetcollections.web;

/**
 * The request's preconditions on the item a write changes ({@code If-Match}), checked inside the
 * write's transaction once the item is found and locked.
 */
@FunctionalInterface
public interface ConditionalWrite {

    ConditionalWrite NONE = id -> {};

    /** Throws {@link PreconditionFailed} when the item {@code id} is not in the state the client expects. */
    void check(long id);
}
