package com.assetcollections.assets;

import static com.assetcollections.openapi.Answer.CHANGED;
import static com.assetcollections.openapi.Answer.CREATED;
import static com.assetcollections.openapi.Answer.ITEM;
import static com.assetcollections.openapi.Answer.LIST;

import com.assetcollections.openapi.Endpoint;
import com.assetcollections.openapi.EndpointList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The asset endpoints as the OpenAPI document lists them. */
@Component
class AssetEndpoints implements EndpointList {

    private static final String ASSETS = "/api/v2/assets";
    private static final String ONE = ASSETS + "/{key}";

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", ASSETS, "list the asset catalogue", LIST, AssetSchema.SCHEMA),
                Endpoint.of("GET", ONE, "one asset", ITEM, AssetSchema.SCHEMA),
                Endpoint.of("POST", ASSETS, "create an asset", CREATED, AssetSchema.SCHEMA)
                        .taking(AssetBody.BODY),
                Endpoint.of("PATCH", ONE, "change an asset (its owner)", CHANGED, AssetSchema.SCHEMA)
                        .taking(AssetBody.BODY.allOptional()),
                Endpoint.deletes(ONE, "delete an asset (its owner)"),
                Endpoint.of(
                        "GET",
                        "/api/v2/collections/{key}/assets",
                        "the assets of a collection, in collection order",
                        LIST,
                        AssetSchema.SCHEMA));
    }
}
