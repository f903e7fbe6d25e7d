package com.assetcollections.openapi;

import com.assetcollections.auth.AnonymousRead;
import com.assetcollections.web.PublicBaseUrl;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document of this service, built once at startup (which fails when the endpoint
 * lists and the mapped handlers disagree) and kept as JSON and YAML bytes.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenApiDocuments implements SmartInitializingSingleton {

    private final List<EndpointList> lists;
    private final RequestMappingHandlerMapping mappings;
    private final AnonymousRead anonymousRead;
    private final String version;
    private final PublicBaseUrl publicBaseUrl;
    private byte[] json;
    private byte[] yaml;

    OpenApiDocuments(
            List<EndpointList> lists,
            RequestMappingHandlerMapping mappings,
            @Value("${app.anonymous-read.enabled:false}") boolean anonymousRead,
            @Value("${app.version:0.1.0}") String version,
            PublicBaseUrl publicBaseUrl) {
        this.lists = lists;
        this.mappings = mappings;
        this.anonymousRead = new AnonymousRead(anonymousRead);
        this.version = version;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Endpoint> endpoints =
                lists.stream().flatMap(list -> list.endpoints().stream()).toList();
        Map<String, Object> document = OpenApiDocument.of(
                version, publicBaseUrl.path(), endpoints, MappedHandlers.of(mappings, anonymousRead));
        json = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsBytes(document);
        yaml = YAMLMapper.builder().build().writeValueAsBytes(document);
    }

    byte[] json() {
        return json;
    }

    byte[] yaml() {
        return yaml;
    }
}
