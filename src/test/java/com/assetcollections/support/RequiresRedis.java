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
 * Runs a test class only when {@code redis-server} is installed (the test starts its own, {@link
 * RedisServer}); skipped with the reason when it is not, and failed instead when {@code
 * REQUIRE_SERVICES=1} (as in CI).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresRedis.Condition.class)
public @interface RequiresRedis {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (RedisServer.binary().isPresent()) {
                return ConditionEvaluationResult.enabled("redis-server is installed");
            }
            if ("1".equals(System.getenv("REQUIRE_SERVICES"))) {
                throw new IllegalStateException("REQUIRE_SERVICES=1 but redis-server is not installed");
            }
            return ConditionEvaluationResult.disabled(
                    "redis-server is not installed (set REQUIRE_SERVICES=1 to fail instead)");
        }
    }
}
