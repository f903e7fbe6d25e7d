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
 * Runs a test class only when the local PostgreSQL server answers; skipped with the reason when it
 * does not, and failed instead when {@code REQUIRE_SERVICES=1} (as in CI).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (PostgresDatabase.available()) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers on the local server");
            }
            if ("1".equals(System.getenv("REQUIRE_SERVICES"))) {
                throw new IllegalStateException("REQUIRE_SERVICES=1 but PostgreSQL does not answer on 127.0.0.1:5432");
            }
            return ConditionEvaluationResult.disabled(
                    "PostgreSQL is not running on 127.0.0.1:5432 (set REQUIRE_SERVICES=1 to fail instead)");
        }
    }
}
