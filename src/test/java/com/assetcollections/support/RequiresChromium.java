package com.assetcollections.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when Debian's Chromium and its chromedriver are installed ({@link
 * HeadlessChromium}); skipped with the reason when they are not, and failed instead when {@code
 * REQUIRE_SERVICES=1} (as in CI, which installs them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
public @interface RequiresChromium {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (HeadlessChromium.missing().isEmpty()) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
            }
            String missing = String.join(" and ", HeadlessChromium.missing());
            if ("1".equals(System.getenv("REQUIRE_SERVICES"))) {
                throw new IllegalStateException("REQUIRE_SERVICES=1 but " + missing + " is not installed");
            }
            return ConditionEvaluationResult.disabled(missing
                    + " is not installed (apt-get install chromium chromium-driver; set REQUIRE_SERVICES=1 to fail"
                    + " instead)");
        }
    }
}
