package com.assetcollections.webhooks;

import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The loggers that the log-secrecy tests turn to DEBUG. Spring applies a context's
 * {@code logging.level.*} to the JVM's one logging system and never takes it back, so the tests
 * that raise them put them back afterwards; otherwise every later test class would log each
 * statement it runs.
 */
final class DebugLogs {

    private static final List<String> LOGGERS =
            List.of("com.assetcollections.webhooks", "org.apache.hc.client5.http", "org.jooq.tools.LoggerListener");

    private DebugLogs() {}

    /** Back to the levels they inherit. */
    static void reset() {
        for (String name : LOGGERS) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(null);
        }
    }
}
