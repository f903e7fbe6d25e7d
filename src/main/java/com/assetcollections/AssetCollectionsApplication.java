package com.assetcollections;

import com.assetcollections.system.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
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
            app.setAddCommandLineProperties(false);
        }
        return app;
    }
}
