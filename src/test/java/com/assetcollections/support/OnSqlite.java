package com.assetcollections.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs an {@link ApiTestBase} test class over the run's SQLite database. Every class so annotated
 * (with the same other settings) shares one application context, so the suite starts one server
 * per database instead of one per class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = SqliteDatabase.Initializer.class)
public @interface OnSqlite {}
