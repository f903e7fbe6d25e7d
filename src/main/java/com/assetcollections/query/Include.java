package com.assetcollections.query;

/** A relationship that {@code include=} can embed, with the slim schema it is written in. */
public record Include(String name, String description) {
}
