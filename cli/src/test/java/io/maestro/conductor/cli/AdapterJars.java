package io.maestro.conductor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The hello example's jar as its build made it: the jar itself, or its classes directory zipped as one. */
final class AdapterJars {

    private static final String COMPONENT = "com/acme/hello/HelloComponent.class";

    private AdapterJars() {}

    static Path hello(Path into) throws IOException, URISyntaxException {
        // found as a resource, not loaded: its superclasses (the SPI) are the hub's, not on this classpath
        String where = AdapterJars.class.getClassLoader().getResource(COMPONENT).toString();
        Path built = where.startsWith("jar:")
                ? Path.of(URI.create(where.substring("jar:".length(), where.indexOf("!/"))))
                : Path.of(URI.create(where.substring(0, where.length() - COMPONENT.length())));
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
