package com.assetcollections.openapi;

/** What an endpoint answers when it succeeds; the error answers follow from it and from its method. */
public enum Answer {
    /** 200: a page of items in the paginator envelope, with the whole query language. */
    LIST,
    /** 200: a page of items in the paginator envelope, taking only {@code page} and {@code per_page}. */
    PLAIN_LIST,
    /** 200: {@code {"data": [items]}}, every item at once. */
    ALL,
    /** 200: {@code {"data": item}}, with {@code fields} and {@code include} where the item is a resource. */
    ITEM,
    /** 201: the new item, with its Location. */
    CREATED,
    /** 201 for a new item, 200 when the same one existed and was changed instead. */
    CREATED_OR_CHANGED,
    /** 200: the item as changed. */
    CHANGED,
    /** 202: the item of work that will be done shortly. */
    ACCEPTED,
    /** 204: nothing. */
    DELETED,
    /** 200: this very OpenAPI document, to anyone. */
    DOCUMENT,
    /** 200: the service's metrics in Prometheus's text format. */
    METRICS
}
