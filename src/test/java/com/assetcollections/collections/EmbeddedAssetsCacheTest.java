package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.caches.CacheLimit;
import com.assetcollections.collections.CollectionIncludes.Assets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class EmbeddedAssetsCacheTest {

    private static List<Map<String, Object>> assets(int n, int urlLength) {
        return IntStream.rangeClosed(1, n)
                .<Map<String, Object>>mapToObj(id -> Map.of(
                        "id",
                        (long) id,
                        "uuid",
                        "00000000-0000-0000-0000-%012d".formatted(id),
                        "name",
                        "asset " + id,
                        "asset_type",
                        "image",
                        "url",
                        "https://cdn.example.com/" + "u".repeat(urlLength)))
                .toList();
    }

    @Test
    void weighsTheUrlsOfTheAssetsItHolds() {
        DataSize limit = DataSize.ofMegabytes(1);
        EmbeddedAssetsCache cache = new EmbeddedAssetsCache(new CacheLimit(limit, Duration.ofHours(1)));
        int urlLength = 2_000;
        Assets hundredLongUrls = new Assets(assets(100, urlLength), 100);

        IntStream.range(0, 100).forEach(collection -> cache.put(collection, 1, hundredLongUrls));

        long kept = IntStream.range(0, 100)
                .filter(collection -> cache.get(collection, 1, 100) != null)
                .count();
        assertThat(kept).isPositive().isLessThanOrEqualTo(limit.toBytes() / (100L * urlLength));
    }

    @Test
    void anEntryOfTheFirstFewAssetsServesOnlyRequestsForNoMore() {
        EmbeddedAssetsCache cache =
                new EmbeddedAssetsCache(new CacheLimit(DataSize.ofMegabytes(1), Duration.ofHours(1)));

        cache.put(7, 1, new Assets(assets(10, 10), 12));

        assertThat(cache.get(7, 1, 10).first()).hasSize(10);
        assertThat(cache.get(7, 1, 4).first()).hasSize(4);
        assertThat(cache.get(7, 1, 100)).as("12 assets, 10 known").isNull();
    }

    @Test
    void anEntryOfEveryAssetServesAnyRequest() {
        EmbeddedAssetsCache cache =
                new EmbeddedAssetsCache(new CacheLimit(DataSize.ofMegabytes(1), Duration.ofHours(1)));

        cache.put(7, 1, new Assets(assets(12, 10), 12));

        assertThat(cache.get(7, 1, 100).first()).hasSize(12);
        assertThat(cache.get(7, 1, 100).count()).isEqualTo(12);
    }

    @Test
    void aShorterEntryDoesNotReplaceALongerOne() {
        EmbeddedAssetsCache cache =
                new EmbeddedAssetsCache(new CacheLimit(DataSize.ofMegabytes(1), Duration.ofHours(1)));

        cache.put(7, 1, new Assets(assets(12, 10), 12));
        cache.put(7, 1, new Assets(assets(10, 10), 12));

        assertThat(cache.get(7, 1, 100).first()).hasSize(12);
    }
}
