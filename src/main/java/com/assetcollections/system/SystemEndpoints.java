package com.assetcollections.system;

import com.assetcollections.openapi.Answer;
import com.assetcollections.openapi.Endpoint;
import com.assetcollections.openapi.EndpointList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The operator's endpoints under the API, for the OpenAPI document. */
@Component
class SystemEndpoints implements EndpointList {

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint(
                "GET",
                "/api/v2/metrics",
                "the service's metrics in Prometheus's text format (see docs/API.md, Metrics)",
                Answer.METRICS,
                null,
                null,
                null,
                List.of(),
                List.of()));
    }
}
