package com.assetcollections.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs an {@link ApiTestBase} test class over the run's PostgreSQL database, skipped or failed as
 * {@link RequiresPostgres} says when the server is absent. Every class so annotated (with the
 * same other settings) shares one application context and its connection pool.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RequiresPostgres
@ContextConfiguration(initializers = PostgresDatabase.Initializer.class)
public @interface OnPostgres {}
