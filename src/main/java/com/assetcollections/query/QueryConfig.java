package com.assetcollections.query;

import com.assetcollections.storage.DataVersions;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueryConfig {

    @Bean
    CountCache countCache(@Value("${app.count-cache.max-entries:100000}") long maxEntries) {
        return new CountCache(maxEntries, Duration.ofMinutes(30));
    }

    @Bean
    OrderedIds orderedIds(@Value("${app.ordered-ids-cache.max-ids:10000000}") long maxIds) {
        return new OrderedIds(maxIds, Duration.ofMinutes(30));
    }

    @Bean
    ResourcePages resourcePages(DSLContext db, DataVersions versions, CountCache counts, OrderedIds ordered) {
        return new ResourcePages(db, versions, counts, ordered);
    }
}
