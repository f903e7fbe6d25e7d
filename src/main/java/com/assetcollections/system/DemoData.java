package com.assetcollections.system;

import com.assetcollections.auth.Scope;
import com.assetcollections.users.IssuedToken;
import com.assetcollections.users.Tokens;
import com.assetcollections.users.User;
import com.assetcollections.users.Users;
import com.assetcollections.web.DatabaseUnreachable;
import java.util.EnumSet;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * On the very first start with an empty embedded database (or on PostgreSQL when
 * {@code app.demo-data=true}), creates a demo user with a token, printed once, and a demo data set.
 * A database that goes away while it is written does not stop the start: nothing of it is kept
 * (the users table stays empty), so the next start writes it all.
 */
@Component
@Profile("!command")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final long SEED = 20240302L;
    static final DataGenerator.Plan PLAN = new DataGenerator.Plan(4, 200, 60, 8, 0.5, 0.5);

    private final DSLContext db;
    private final Users users;
    private final Tokens tokens;
    private final String mode;
    private final int port;

    DemoData(
            DSLContext db,
            Users users,
            Tokens tokens,
            @Value("${app.demo-data:auto}") String mode,
            @Value("${server.port:8080}") int port) {
        this.db = db;
        this.users = users;
        this.tokens = tokens;
        this.mode = mode;
        this.port = port;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean wanted = switch (mode) {
            case "true" -> true;
            case "auto" -> db.dialect().family() == SQLDialect.SQLITE;
            default -> false;
        };
        if (!wanted || !users.isEmpty()) {
            return;
        }
        IssuedToken token;
        try {
            // one transaction: a database that goes away meanwhile keeps none of it
            token = db.transactionResult(tx -> {
                User demo = users.create("Demo User", "demo@example.com");
                new DataGenerator(tx.dsl(), SEED).generate(PLAN, List.of(demo.id()));
                return tokens.issue(demo.id(), "demo", EnumSet.allOf(Scope.class), null);
            });
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.explains(e)) {
                throw e;
            }
            log.warn(
                    "the demo data was not created, the database went away while it was written ({});"
                            + " none of it was kept, and the next start writes it again",
                    e.getMessage());
            return;
        }
        // Printed, never logged: the console is the only place the token is shown.
        System.out.println(
                """

                Demo data created: %d collections, %d assets.
                Demo user: demo@example.com   token (shown once): %s
                Try:  curl -H 'Authorization: Bearer %s' 'http://localhost:%d/api/v2/collections?per_page=5'
                """.formatted(PLAN.collections(), PLAN.assets(), token.plaintext(), token.plaintext(), port));
    }
}
