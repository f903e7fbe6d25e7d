package com.assetcollections.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the {@link ConcurrentRequestLimit} for every API request. */
@Configuration(proxyBeanMethods = false)
class ConcurrencyConfig implements WebMvcConfigurer {

    private final ConcurrentRequestLimit limit;

    ConcurrencyConfig(ConcurrentRequestLimit limit) {
        this.limit = limit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limit).addPathPatterns("/api/**");
    }
}
