package com.assetcollections;

import com.assetcollections.system.Commands;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class AssetCollectionsApplication {

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        application(args).run(args);
    }

    /** The server, or for a command line ({@code users create}, {@code seed}, ...) a context without a web server. */
    static SpringApplication application(String[] args) {
        SpringApplication app = new SpringApplication(AssetCollectionsApplication.class);
        if (Commands.isCommand(args)) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("command");
            // a command's own options (--email, --name, ...) are no settings: only dotted ones are
            app.setAddCommandLineProperties(false);
            app.setEnvironment(commandEnvironment(args));
        }
        return app;
    }

    /**
     * The usual environment plus the command's {@code --name=value} options whose name has a dot
     * ({@code --spring.datasource.url=…}, {@code --app.…}), ranked first as command-line settings are.
     */
    private static ConfigurableEnvironment commandEnvironment(String[] args) {
        String[] settings = Arrays.stream(args)
                .filter(AssetCollectionsApplication::isSetting)
                .toArray(String[]::new);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(settings));
        return environment;
    }

    private static boolean isSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 0 && arg.substring(2, equals).contains(".");
    }
}
