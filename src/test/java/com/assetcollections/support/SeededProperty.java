package com.assetcollections.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property run once per seed that the test class's {@code static LongStream seeds()} gives
 * (usually {@link PropertySeeds#seeds}), each run named by its seed, so that a failure names the
 * seed to replay with {@code -Dproperty.seed=<seed>}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "seed {0}")
@MethodSource("seeds")
public @interface SeededProperty {}
