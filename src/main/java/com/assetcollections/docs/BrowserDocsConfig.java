package com.assetcollections.docs;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves {@code /docs/*}: this service's own page and Swagger UI settings first (they replace the
 * webjar's sample ones of the same names), then Swagger UI's files from its webjar, revalidated
 * on each use (Last-Modified), as they change with the jar.
 */
@Configuration(proxyBeanMethods = false)
class BrowserDocsConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(BrowserDocsController.PATH + "/**")
                .addResourceLocations("classpath:/docs/", SwaggerUiWebjar.location())
                .setCacheControl(CacheControl.noCache());
    }

    @Bean
    FilterRegistrationBean<DocsHeaders> docsHeaders() {
        FilterRegistrationBean<DocsHeaders> registration = new FilterRegistrationBean<>(new DocsHeaders());
        registration.addUrlPatterns(BrowserDocsController.PATH, BrowserDocsController.PATH + "/*");
        return registration;
    }
}
