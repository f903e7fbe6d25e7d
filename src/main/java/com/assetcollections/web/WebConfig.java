package com.assetcollections.web;

import com.assetcollections.auth.AnonymousRead;
import com.assetcollections.auth.BearerTokenFilter;
import com.assetcollections.auth.CallerArgumentResolver;
import com.assetcollections.auth.FailedAuthentications;
import com.assetcollections.auth.ScopeCheck;
import com.assetcollections.ratelimit.InMemoryRateLimiter;
import com.assetcollections.ratelimit.RateLimitFilter;
import com.assetcollections.ratelimit.RateLimiter;
import com.assetcollections.ratelimit.RedisBuckets;
import com.assetcollections.users.Tokens;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.ObjectMapper;

/** HTTP plumbing: authentication and rate limiting in front of every API call, JSON whatever the Accept header. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final PublicBaseUrl publicBaseUrl;

    WebConfig(PublicBaseUrl publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
        resolvers.add(new PageLinksResolver(publicBaseUrl));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeCheck());
    }

    /**
     * Makes the host use {@link JsonErrorReportValve}: Tomcat adds the configured class when it
     * starts, after every customizer, innermost in the host pipeline, so it reports before any
     * other error report valve.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    ErrorResponses errorResponses(ObjectMapper json) {
        return new ErrorResponses(json);
    }

    @Bean
    RateLimiter rateLimiter(
            @Value("${app.rate-limit.per-minute:500}") long limit,
            @Value("${app.rate-limit.window:1m}") Duration window,
            ObjectProvider<RedisBuckets> redis) {
        return limiter(limit, window, redis);
    }

    /** Counting in Redis when it is configured (shared by the instances), else in memory. */
    private static RateLimiter limiter(long limit, Duration window, ObjectProvider<RedisBuckets> redis) {
        RedisBuckets shared = redis.getIfAvailable();
        return shared == null ? new InMemoryRateLimiter(limit, window) : shared.limiter(limit, window);
    }

    /** Outermost: every request gets its id and its access-log line, those refused by any filter too. */
    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        FilterRegistrationBean<AccessLogFilter> registration =
                new FilterRegistrationBean<>(new AccessLogFilter(new RouteTemplates(handlers::getObject)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    RequestsInFlight requestsInFlight() {
        return new RequestsInFlight();
    }

    /** Right after the access log, so that every request is counted, those refused by any filter too. */
    @Bean
    FilterRegistrationBean<RequestsInFlight> requestsInFlightFilter(RequestsInFlight requests) {
        FilterRegistrationBean<RequestsInFlight> registration = new FilterRegistrationBean<>(requests);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** In front of everything: while shutting down, no new request reaches the application. */
    @Bean
    FilterRegistrationBean<DrainingFilter> drainingFilter(ShutdownDrain shutdown, ErrorResponses errors) {
        FilterRegistrationBean<DrainingFilter> registration =
                new FilterRegistrationBean<>(new DrainingFilter(shutdown, errors));
        registration.setOrder(-3);
        return registration;
    }

    /**
     * Before the API's own filters, so that a preflight (which never carries a token) is answered here,
     * and the CORS headers are on every response, errors included.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(
            @Value("${app.cors.allowed-origins:}") String allowedOrigins, ErrorResponses errors) {
        CorsFilter filter = new CorsFilter(new CorsPolicy(allowedOrigins, publicBaseUrl));
        filter.setCorsProcessor(new JsonCorsRefusals(errors));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(-2);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<PrivateResponses> privateResponses() {
        FilterRegistrationBean<PrivateResponses> registration = new FilterRegistrationBean<>(new PrivateResponses());
        registration.setOrder(-1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** First in front of the API: the other filters and the handlers then read one and the same path. */
    @Bean
    FilterRegistrationBean<AmbiguousPathFilter> ambiguousPathFilter(ErrorResponses errors) {
        FilterRegistrationBean<AmbiguousPathFilter> registration =
                new FilterRegistrationBean<>(new AmbiguousPathFilter(errors));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(
            Tokens tokens,
            ErrorResponses errors,
            @Value("${app.anonymous-read.enabled:false}") boolean anonymousRead,
            @Value("${app.rate-limit.failed-auth-per-minute:60}") long failedAuthLimit,
            @Value("${app.rate-limit.window:1m}") Duration window) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(new BearerTokenFilter(
                tokens, errors, new AnonymousRead(anonymousRead), new FailedAuthentications(failedAuthLimit, window)));
        registration.setOrder(1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * ETags on every successful API GET whose body is at most {@code app.etag.max-body-size} (a hash
     * of the body; handlers of single items may set their own, equal one first), and 304 for a
     * matching If-None-Match; larger bodies are streamed without one.
     */
    @Bean
    FilterRegistrationBean<BoundedEtagFilter> etagFilter(
            @Value("${app.etag.max-body-size:1MB}") DataSize maxBody, Environment environment) {
        Compression compression = Binder.get(environment)
                .bind("server.compression", Compression.class)
                .orElseGet(Compression::new);
        FilterRegistrationBean<BoundedEtagFilter> registration = new FilterRegistrationBean<>(
                new BoundedEtagFilter(Math.toIntExact(maxBody.toBytes()), new GzipForms(compression)));
        registration.setOrder(3);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * The per-user limiter is the {@link RateLimiter} bean; anonymous requests (when anonymous read
     * is on) count per client address against their own, stricter limit over the same window, in
     * Redis too when it is configured.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimiter perUser,
            ErrorResponses errors,
            @Value("${app.anonymous-read.per-minute:60}") long anonymousLimit,
            @Value("${app.rate-limit.window:1m}") Duration window,
            ObjectProvider<RedisBuckets> redis) {
        RateLimiter perAnonymousAddress = limiter(anonymousLimit, window, redis);
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(perUser, perAnonymousAddress, errors));
        registration.setOrder(2);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
