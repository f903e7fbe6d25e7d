package com.assetcollections.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands list handlers the {@link PageLinks} of their request, on the {@link PublicBaseUrl}. */
final class PageLinksResolver implements HandlerMethodArgumentResolver {

    private final PublicBaseUrl base;

    PageLinksResolver(PublicBaseUrl base) {
        this.base = base;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageLinks.class;
    }

    @Override
    public PageLinks resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return PageLinks.of(base.value(), webRequest.getNativeRequest(HttpServletRequest.class));
    }
}
