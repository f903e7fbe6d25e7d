package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The cap on a collection's size ({@code app.collections.max-assets}), at 5 here: a Spring context
 * of its own, with a small pool since its requests run one at a time.
 */
@TestPropertySource(properties = {"app.collections.max-assets=5", "spring.datasource.hikari.maximum-pool-size=2"})
abstract class CollectionSizeCapContract extends CollectionWriting {

    long collection;
    List<Long> assets;

    @BeforeEach
    void collectionAndAssets() {
        collection = createdId(create(aliceToken, "{\"name\": \"Small\"}"));
        assets = IntStream.range(0, 7)
                .mapToObj(i -> fixtures.asset(alice, "Asset " + i, "image"))
                .toList();
    }

    String members() {
        return PATH + "/" + collection + "/assets";
    }

    @Test
    void addingPastTheCapIsRefusedAndChangesNothing() {
        assertThat(api.post(members(), aliceToken, "{\"asset_ids\": " + assets.subList(0, 4) + "}")
                        .status())
                .isEqualTo(200);
        String before = item(aliceToken, collection).body();

        ApiResponse refused = api.post(members(), aliceToken, "{\"asset_ids\": " + assets.subList(2, 6) + "}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get("asset_ids").get(0).asString())
                .isEqualTo("a collection holds at most 5 assets; this would make it 6");
        assertThat(item(aliceToken, collection).body()).isEqualTo(before);
        ApiResponse filled = api.post(members(), aliceToken, "{\"asset_ids\": " + assets.subList(2, 5) + "}");
        assertThat(filled.status()).as(filled.body()).isEqualTo(200);
        assertThat(filled.json().get("data").get("assets_count").asInt()).isEqualTo(5);
        assertThat(api.post(members(), aliceToken, "{\"asset_ids\": [" + assets.get(0) + "]}")
                        .status())
                .as("adding an asset already in it adds nothing")
                .isEqualTo(200);
    }

    @Test
    void replacingWithMoreThanTheCapIsRefusedAndChangesNothing() {
        api.put(members(), aliceToken, "{\"asset_ids\": " + assets.subList(0, 2) + "}");
        String before = item(aliceToken, collection).body();

        ApiResponse refused = api.put(members(), aliceToken, "{\"asset_ids\": " + assets.subList(0, 7) + "}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get("asset_ids").get(0).asString())
                .isEqualTo("a collection holds at most 5 assets; this would make it 7");
        assertThat(item(aliceToken, collection).body()).isEqualTo(before);
        ApiResponse replaced = api.put(members(), aliceToken, "{\"asset_ids\": " + assets.subList(2, 7) + "}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(ids(api.get(members(), aliceToken))).containsExactlyElementsOf(assets.subList(2, 7));
    }
}
