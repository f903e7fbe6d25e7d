package com.assetcollections.auth;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Refuses to start while an API handler (but those of {@link OpenPaths}) does not declare its {@link RequiredScopes} (the server only; a command line has no handlers). */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ScopeDeclarations implements SmartInitializingSingleton {

    private final RequestMappingHandlerMapping mappings;

    ScopeDeclarations(RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> undeclared = mappings.getHandlerMethods().entrySet().stream()
                .filter(mapping -> mapping.getKey().getPatternValues().stream()
                        .anyMatch(path -> path.startsWith("/api/") && !OpenPaths.contains(path)))
                .filter(mapping -> !mapping.getValue().hasMethodAnnotation(RequiredScopes.class))
                .map(mapping -> mapping.getValue().toString())
                .sorted()
                .toList();
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("API handlers without @RequiredScopes: " + undeclared);
        }
    }
}
