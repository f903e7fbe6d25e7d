package com.assetcollections.query;

import com.assetcollections.caches.CacheLimit;
import com.assetcollections.storage.DataVersions;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class QueryConfig {

    @Bean
    CountCache countCache(
            @Value("${app.caches.totals.max-size:16MB}") DataSize maxSize,
            @Value("${app.caches.totals.idle:30m}") Duration idle) {
        return new CountCache(new CacheLimit(maxSize, idle));
    }

    @Bean
    OrderedIds orderedIds(
            @Value("${app.caches.ordered-ids.max-size:64MB}") DataSize maxSize,
            @Value("${app.caches.ordered-ids.idle:30m}") Duration idle,
            @Value("${app.lists.max-kept-ids:1048576}") int maxKept) {
        return new OrderedIds(new CacheLimit(maxSize, idle), maxKept);
    }

    @Bean
    ResourcePages resourcePages(
            DSLContext db,
            DataVersions versions,
            CountCache counts,
            OrderedIds ordered,
            @Value("${app.lists.deep-offset:10000}") long deepOffset) {
        return new ResourcePages(db, versions, counts, ordered, deepOffset);
    }
}
