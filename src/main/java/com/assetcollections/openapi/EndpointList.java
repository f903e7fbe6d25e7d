package com.assetcollections.openapi;

import java.util.List;

/**
 * The endpoints of one feature, declared beside its handlers as a bean; the OpenAPI document is
 * made of every such list.
 */
public interface EndpointList {

    List<Endpoint> endpoints();
}
