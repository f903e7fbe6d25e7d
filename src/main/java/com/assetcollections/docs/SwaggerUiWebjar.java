package com.assetcollections.docs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Where Swagger UI's files are on the class path: in its webjar, under the version the build chose. */
final class SwaggerUiWebjar {

    private static final String POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private SwaggerUiWebjar() {}

    /** {@code classpath:/META-INF/resources/webjars/swagger-ui/<version>/}; fails when the webjar is missing. */
    static String location() {
        try (InputStream in = SwaggerUiWebjar.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Swagger UI's webjar (org.webjars:swagger-ui) is not on the class path: " + POM
                                + " is missing");
            }
            Properties pom = new Properties();
            pom.load(in);
            return "classpath:/META-INF/resources/webjars/swagger-ui/" + pom.getProperty("version") + "/";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + POM, e);
        }
    }
}
