package com.assetcollections;

import com.assetcollections.system.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AssetCollectionsApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(AssetCollectionsApplication.class);
        if (Commands.isCommand(args)) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("command");
        }
        app.run(args);
    }
}
