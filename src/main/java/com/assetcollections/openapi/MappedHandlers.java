package com.assetcollections.openapi;

import com.assetcollections.auth.AnonymousRead;
import com.assetcollections.auth.OpenPaths;
import com.assetcollections.auth.RequiredScopes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The facts of every API handler Spring MVC maps, under "METHOD /path/{pattern}". */
final class MappedHandlers {

    private MappedHandlers() {}

    static Map<String, HandlerFacts> of(RequestMappingHandlerMapping mappings, AnonymousRead anonymousRead) {
        Map<String, HandlerFacts> handlers = new LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    for (String httpMethod : methods(info)) {
                        handlers.put(httpMethod + " " + path, facts(method, httpMethod, path, anonymousRead));
                    }
                }
            }
        });
        return handlers;
    }

    private static List<String> methods(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
    }

    private static HandlerFacts facts(
            HandlerMethod method, String httpMethod, String path, AnonymousRead anonymousRead) {
        RequiredScopes scopes = method.getMethodAnnotation(RequiredScopes.class);
        Map<String, Class<?>> pathVariables = new LinkedHashMap<>();
        boolean readsIfMatch = false;
        for (MethodParameter parameter : method.getMethodParameters()) {
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            if (variable != null) {
                String name =
                        variable.value().isEmpty() ? parameter.getParameter().getName() : variable.value();
                pathVariables.put(name, parameter.getParameterType());
            }
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            readsIfMatch |= header != null && "If-Match".equalsIgnoreCase(header.value());
        }
        return new HandlerFacts(
                scopes == null ? List.of() : Arrays.asList(scopes.value()),
                pathVariables,
                readsIfMatch,
                anonymousRead.serves(httpMethod, path),
                OpenPaths.contains(path));
    }
}
