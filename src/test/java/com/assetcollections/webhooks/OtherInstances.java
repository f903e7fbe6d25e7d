package com.assetcollections.webhooks;

import com.assetcollections.AssetCollectionsApplication;
import com.assetcollections.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** More instances of the service over a test's database, with the tests' webhook settings. */
final class OtherInstances {

    private OtherInstances() {}

    /** The command-line arguments of another instance over the database of {@code test}'s context. */
    static List<String> args(Environment test, boolean dispatch, String lease) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + test.getProperty("spring.datasource.url"),
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--app.demo-data=false",
                "--app.rate-limit.per-minute=1000000",
                "--app.rate-limit.concurrent-per-user=1000",
                "--app.webhooks.encryption-key=" + ApiTestBase.WEBHOOK_KEY,
                "--app.webhooks.allow-private-targets=true",
                "--app.webhooks.http-hosts=127.0.0.1,localhost",
                "--app.webhooks.poll-interval=50ms",
                "--app.webhooks.lease=" + lease,
                "--app.webhooks.dispatch=" + dispatch));
        String user = test.getProperty("spring.datasource.username");
        if (user != null) {
            args.add("--spring.datasource.username=" + user);
        }
        return args;
    }

    /** Another instance in this JVM on a free port; close it when done. */
    static ConfigurableApplicationContext startInProcess(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=0");
        return new SpringApplicationBuilder(AssetCollectionsApplication.class).run(all.toArray(String[]::new));
    }
}
