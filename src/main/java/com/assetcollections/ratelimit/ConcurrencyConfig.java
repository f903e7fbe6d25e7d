package com.assetcollections.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the {@link ConcurrentRequestLimit} for every API request, after the scope check
 * (order 0): a request its token may not make is 403 without taking or waiting for units.
 */
@Configuration(proxyBeanMethods = false)
class ConcurrencyConfig implements WebMvcConfigurer {

    private final ConcurrentRequestLimit limit;

    ConcurrencyConfig(ConcurrentRequestLimit limit) {
        this.limit = limit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limit).addPathPatterns("/api/**").order(1);
    }
}
