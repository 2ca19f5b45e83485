package io.maestro.conductor.registry.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once on H2, and once more on the tests' PostgreSQL ({@link TestPostgres}: never skipped).
 * The test takes a {@link TestDatabase} parameter: a fresh, empty database.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseInvocations.class)
public @interface OnEachDatabase {}
