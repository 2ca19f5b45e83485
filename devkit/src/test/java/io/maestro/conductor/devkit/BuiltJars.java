package io.maestro.conductor.devkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hello example's jar as the build made it: the jar itself, or (a reactor build that has not packaged it yet)
 * its classes directory zipped as one.
 */
public final class BuiltJars {

    public static final String PROPERTY = "conductor.test.hello-jar";

    private BuiltJars() {}

    /**
     * Where the build put the hello example (system property {@value #PROPERTY}, from maven-dependency-plugin's
     * {@code properties} goal): it is a test dependency only for the build order, kept off the test classpath so
     * nothing loads it but the code under test.
     */
    public static Path hello(Path into) throws IOException {
        String built = System.getProperty(PROPERTY);
        if (built == null) {
            throw new IllegalStateException("the build sets " + PROPERTY + " (see the module's pom)");
        }
        return of(Path.of(built), into);
    }

    /** A jar as is, or a classes directory zipped into {@code into}. */
    public static Path of(Path built, Path into) throws IOException {
        if (Files.isRegularFile(built)) {
            return built;
        }
        Path jar = into.resolve("hello.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> walk = Files.walk(built)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(built.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
