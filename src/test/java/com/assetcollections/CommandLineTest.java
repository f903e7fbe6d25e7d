package com.assetcollections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.assets.AssetTable;
import com.assetcollections.collections.CollectionTable;
import com.assetcollections.users.UserTable;
import com.assetcollections.users.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line (`java -jar … users create …`, used by README, bench/ and operators) starts a
 * context without a web server: every bean must do without one.
 */
class CommandLineTest {

    @TempDir
    Path folder;

    @Test
    void usersCreateRunsWithoutAWebServer() throws Exception {
        String[] args = {"users", "create", "--email=cli@example.com", "--name=Cli"};
        SpringApplication app = AssetCollectionsApplication.application(args);
        Path database = folder.resolve("cli.db");
        // as SPRING_DATASOURCE_URL would; a system property outranks application.properties
        System.setProperty("spring.datasource.url", "jdbc:sqlite:" + database + "?journal_mode=WAL&foreign_keys=true");
        try (ConfigurableApplicationContext context = app.run(args)) {
            assertThat(context.getBean(Users.class).findByEmail("cli@example.com"))
                    .hasValueSatisfying(user -> assertThat(user.name()).isEqualTo("Cli"));
        } finally {
            System.clearProperty("spring.datasource.url");
        }
        assertThat(Files.exists(database)).isTrue();
    }

    @Test
    void readsSpringOptionsOfTheCommandLine() {
        Path database = folder.resolve("option.db");
        String[] args = {
            "users", "create", "--email", "option@example.com", "--spring.datasource.url=" + sqlite(database)
        };
        try (ConfigurableApplicationContext context =
                AssetCollectionsApplication.application(args).run(args)) {
            assertThat(context.getBean(Users.class).findByEmail("option@example.com"))
                    .isPresent();
        }
        assertThat(Files.exists(database)).isTrue();
    }

    @Test
    void seedsVersion4UuidsOfRfc9562() {
        String[] args = {
            "seed",
            "--collections=40",
            "--users=3",
            "--assets=30",
            "--spring.datasource.url=" + sqlite(folder.resolve("seed.db"))
        };
        try (ConfigurableApplicationContext context =
                AssetCollectionsApplication.application(args).run(args)) {
            DSLContext db = context.getBean(DSLContext.class);
            List<UUID> uuids = new ArrayList<>();
            uuids.addAll(db.select(UserTable.UUID_).from(UserTable.USERS).fetch(UserTable.UUID_));
            uuids.addAll(db.select(AssetTable.UUID_).from(AssetTable.ASSETS).fetch(AssetTable.UUID_));
            uuids.addAll(db.select(CollectionTable.UUID_)
                    .from(CollectionTable.COLLECTIONS)
                    .fetch(CollectionTable.UUID_));

            assertThat(uuids).hasSize(3 + 30 + 40).doesNotHaveDuplicates().allSatisfy(uuid -> {
                assertThat(uuid.version()).as("version of %s", uuid).isEqualTo(4);
                assertThat(uuid.variant())
                        .as("variant of %s (2: RFC 9562)", uuid)
                        .isEqualTo(2);
            });
        }
    }

    private static String sqlite(Path database) {
        return "jdbc:sqlite:" + database + "?journal_mode=WAL&foreign_keys=true";
    }
}
