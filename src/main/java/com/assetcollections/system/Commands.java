package com.assetcollections.system;

import com.assetcollections.auth.Scope;
import com.assetcollections.users.IssuedToken;
import com.assetcollections.users.Tokens;
import com.assetcollections.users.User;
import com.assetcollections.users.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The command line for bootstrapping a deployment, run instead of the server:
 * <pre>
 * java -jar app.jar users create --name "Ada" --email ada@example.com
 * java -jar app.jar tokens create --email ada@example.com --scopes collections:read,assets:read [--name ci] [--expires-days 90]
 * java -jar app.jar tokens revoke --id 7
 * java -jar app.jar seed --collections 1000000 --users 1000 [--assets 200000] [--max-assets-per-collection 10]
 * </pre>
 */
@Component
@Profile("command")
public class Commands implements ApplicationRunner {

    private static final Set<String> COMMANDS = Set.of("users", "tokens", "seed");

    private final DSLContext db;
    private final Users users;
    private final Tokens tokens;

    Commands(DSLContext db, Users users, Tokens tokens) {
        this.db = db;
        this.users = users;
        this.tokens = tokens;
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> args = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        parse(arguments.getSourceArgs(), args, options);
        String command = String.join(" ", args.subList(0, Math.min(2, args.size())));
        try {
            switch (command) {
                case "users create" -> createUser(options);
                case "tokens create" -> createToken(options);
                case "tokens revoke" -> revokeToken(options);
                case "seed" -> seed(options);
                default ->
                    throw new IllegalArgumentException("unknown command `" + command
                            + "`; commands: users create, tokens create, tokens revoke, seed");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            throw new CommandFailed(e.getMessage());
        }
    }

    private void createUser(Map<String, String> options) {
        String email = required(options, "email");
        if (users.findByEmail(email).isPresent()) {
            throw new IllegalArgumentException("a user with email " + email + " exists already");
        }
        User user = users.create(options.getOrDefault("name", email), email);
        System.out.println("created user " + user.id() + " <" + user.email() + ">");
    }

    private void createToken(Map<String, String> options) {
        String email = required(options, "email");
        User user =
                users.findByEmail(email).orElseThrow(() -> new IllegalArgumentException("no user with email " + email));
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String token :
                options.getOrDefault("scopes", "collections:read,assets:read").split(",")) {
            scopes.add(Scope.fromToken(token.trim())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown scope `" + token + "`; scopes: " + Scope.allTokens())));
        }
        Instant expires = options.containsKey("expires-days")
                ? Instant.now().plus(Duration.ofDays(Long.parseLong(options.get("expires-days"))))
                : null;
        IssuedToken issued = tokens.issue(user.id(), options.getOrDefault("name", "cli"), scopes, expires);
        System.out.println("token " + issued.id() + " for " + email + " (shown once): " + issued.plaintext());
    }

    private void revokeToken(Map<String, String> options) {
        long id = Long.parseLong(required(options, "id"));
        System.out.println(tokens.revoke(id) ? "revoked token " + id : "no active token " + id);
    }

    private void seed(Map<String, String> options) {
        int collections = Integer.parseInt(options.getOrDefault("collections", "10000"));
        DataGenerator.Plan plan = new DataGenerator.Plan(
                Integer.parseInt(options.getOrDefault("users", "100")),
                Integer.parseInt(options.getOrDefault("assets", Integer.toString(Math.max(1, collections / 5)))),
                collections,
                Integer.parseInt(options.getOrDefault("max-assets-per-collection", "10")),
                Double.parseDouble(options.getOrDefault("public-share", "0.5")),
                Double.parseDouble(options.getOrDefault("shared-share", "0.3")));
        long started = System.nanoTime();
        new DataGenerator(db, Long.parseLong(options.getOrDefault("random-seed", "1"))).generate(plan, List.of());
        System.out.printf(
                "seeded %d users, %d assets, %d collections in %d s%n",
                plan.users(),
                plan.assets(),
                plan.collections(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** Splits words from options, accepting both {@code --name=value} and {@code --name value}. */
    static void parse(String[] source, List<String> words, Map<String, String> options) {
        for (int i = 0; i < source.length; i++) {
            String arg = source[i];
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < source.length && !source[i + 1].startsWith("--")) {
                options.put(arg.substring(2), source[++i]);
            } else {
                options.put(arg.substring(2), "");
            }
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** A command that could not run; the process exits non-zero. */
    static class CommandFailed extends RuntimeException {
        CommandFailed(String message) {
            super(message);
        }
    }
}
