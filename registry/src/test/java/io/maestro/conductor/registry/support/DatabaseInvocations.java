package io.maestro.conductor.registry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Provides the invocations of {@link OnEachDatabase}: H2, then the tests' PostgreSQL ({@link TestPostgres}). */
final class DatabaseInvocations implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        List<TestTemplateInvocationContext> invocations = new ArrayList<>();
        invocations.add(invocation("h2", () -> TestDatabase.h2(tempDir())));
        invocations.add(invocation("postgres", TestDatabase::postgres));
        return invocations.stream();
    }

    private static TestTemplateInvocationContext invocation(String name, Supplier<TestDatabase> factory) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return name;
            }

            @Override
            public List<org.junit.jupiter.api.extension.Extension> getAdditionalExtensions() {
                return List.of(new ParameterResolver() {
                    @Override
                    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                        return p.getParameter().getType() == TestDatabase.class;
                    }

                    @Override
                    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                        TestDatabase db = factory.get();
                        e.getStore(ExtensionContext.Namespace.create(DatabaseInvocations.class))
                                .put("db", (ExtensionContext.Store.CloseableResource) db::close);
                        return db;
                    }
                });
            }
        };
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("conductor-registry-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
