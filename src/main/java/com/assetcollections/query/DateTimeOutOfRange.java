package com.assetcollections.query;

/** A datetime that parses but lies outside the years 1 to 9999, which no column holds or binds. */
public final class DateTimeOutOfRange extends InvalidQuery {

    public DateTimeOutOfRange(String parameter, String value) {
        super(parameter, "`" + parameter + "` must lie in the years 1 to 9999; got `" + value + "`");
    }
}
