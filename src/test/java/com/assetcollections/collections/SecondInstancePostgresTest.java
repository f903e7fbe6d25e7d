package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.AssetCollectionsApplication;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.OnPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two instances of the service over one PostgreSQL: totals, ranked searches and tokens that one
 * instance remembers are never served after a write committed through the other. (SQLite is one
 * process's database, so this is PostgreSQL's alone.)
 */
@OnPostgres
class SecondInstancePostgresTest extends CollectionWriting {

    private static ConfigurableApplicationContext second;
    private ApiClient other;

    @Autowired
    private Environment environment;

    @BeforeEach
    void secondInstance() {
        if (second == null) {
            second = new SpringApplicationBuilder(AssetCollectionsApplication.class)
                    .run(
                            "--server.port=0",
                            "--app.demo-data=false",
                            "--app.rate-limit.per-minute=1000000",
                            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                            "--spring.datasource.hikari.maximum-pool-size=2");
        }
        other = new ApiClient(
                ((WebServerApplicationContext) second).getWebServer().getPort());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    long total(ApiClient client, String token, String query) {
        return client.getRaw(PATH + query, token)
                .json()
                .get("meta")
                .get("total")
                .asLong();
    }

    @Test
    void totalsFollowEveryWriteMadeThroughTheOtherInstance() {
        for (int i = 0; i < 30; i++) {
            fixtures.collection(alice, "Public " + i).publicOne().create();
        }
        String query = "?per_page=5";
        assertThat(total(api, bobToken, query)).isEqualTo(30);
        assertThat(total(api, bobToken, "?per_page=5&filter[shared_with_me]=1")).isZero();

        long created = other.post(PATH, aliceToken, "{\"name\": \"Shared\"}")
                .json()
                .get("data")
                .get("id")
                .asLong();
        other.post(PATH + "/" + created + "/shares", aliceToken, "{\"user_id\": " + bob.id() + "}");
        assertThat(total(api, bobToken, query)).isEqualTo(31);
        assertThat(total(api, bobToken, "?per_page=5&filter[shared_with_me]=1")).isEqualTo(1);

        other.delete(PATH + "/" + created + "/shares/" + bob.id(), aliceToken);
        assertThat(total(api, bobToken, query)).isEqualTo(30);

        long first = ids(api.getRaw(PATH + query, bobToken)).get(0);
        other.patch(PATH + "/" + first, aliceToken, "{\"collection_type\": \"private\"}");
        assertThat(total(api, bobToken, query)).isEqualTo(29);
        other.delete(PATH + "/" + ids(api.getRaw(PATH + query, bobToken)).get(0), aliceToken);
        assertThat(total(api, bobToken, query)).isEqualTo(28);
        assertThat(total(api, bobToken, "?per_page=5&search=public")).isEqualTo(28);
    }

    @Test
    void assetCountsFollowMembershipWritesMadeThroughTheOtherInstance() {
        long collection = api.post(PATH, aliceToken, "{\"name\": \"Box\", \"collection_type\": \"public\"}")
                .json()
                .get("data")
                .get("id")
                .asLong();
        long asset = fixtures.asset(alice, "Logo", "image");
        assertThat(total(api, bobToken, "/" + collection + "/assets")).isZero();
        assertThat(total(api, bobToken, "?filter[assets_count]=1")).isZero();

        var added = other.post(PATH + "/" + collection + "/assets", aliceToken, "{\"asset_ids\": [" + asset + "]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);

        assertThat(total(api, bobToken, "/" + collection + "/assets")).isEqualTo(1);
        assertThat(total(api, bobToken, "?filter[assets_count]=1")).isEqualTo(1);
        assertThat(api.getRaw(PATH + "/" + collection + "?include=assets", bobToken)
                        .json()
                        .get("data")
                        .get("assets"))
                .hasSize(1);
    }
}
