package io.maestro.conductor.devkit.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scaffolds a new adapter from the hello example (the build packs {@code devkit/examples/hello} into this jar as the
 * template, so the template is always an adapter that builds and passes its contract test): the example's names are
 * replaced by the new adapter's, in file contents and paths.
 */
public final class AdapterTemplate {

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    public static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9]{1,30}");
    public static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    public static final Pattern OWNER = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final String ROOT = "/io/maestro/conductor/devkit/template/";
    private static final String EXAMPLE_PATH = "com/acme/hello/";
    private static final List<String> FILES = List.of(
            "pom.xml",
            "conductor-adapter.yaml",
            "src/main/java/com/acme/hello/HelloClient.java",
            "src/main/java/com/acme/hello/HelloComponent.java",
            "src/main/java/com/acme/hello/HelloDefinitions.java",
            "src/main/java/com/acme/hello/HelloEndpoint.java",
            "src/main/java/com/acme/hello/HelloErrorCode.java",
            "src/test/java/com/acme/hello/HelloContractTest.java");

    private AdapterTemplate() {}

    /**
     * @param name     the definition name
     * @param scheme   the Camel scheme, also the class prefix ({@code weather} → {@code WeatherComponent})
     * @param javaPackage the adapter's Java package
     * @param owner    the owning team
     * @return the files written, relative to {@code target}
     */
    public static List<Path> render(String name, String scheme, String javaPackage, String owner, Path target) {
        require(NAME, "name", name);
        require(SCHEME, "scheme", scheme);
        require(PACKAGE, "package", javaPackage);
        require(OWNER, "owner", owner);
        try {
            if (Files.exists(target)) {
                try (Stream<Path> present = Files.list(target)) {
                    if (present.findAny().isPresent()) {
                        throw new IllegalArgumentException("the target directory is not empty");
                    }
                }
            }
            Map<String, String> replacements = new LinkedHashMap<>();
            replacements.put("com.acme.hello", javaPackage);
            replacements.put("hello-notify", name);
            replacements.put("partner-acme", owner);
            replacements.put("HELLO", scheme.toUpperCase(Locale.ROOT));
            replacements.put("Hello", scheme.substring(0, 1).toUpperCase(Locale.ROOT) + scheme.substring(1));
            replacements.put("hello", scheme);
            List<Path> written = new ArrayList<>();
            for (String file : FILES) {
                String relative =
                        replace(file.replace(EXAMPLE_PATH, javaPackage.replace('.', '/') + "/"), replacements);
                Path out = target.resolve(relative);
                Files.createDirectories(out.getParent());
                Files.writeString(out, replace(read(file), replacements));
                written.add(Path.of(relative));
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the adapter skeleton", e);
        }
    }

    private static String replace(String text, Map<String, String> replacements) {
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        return text;
    }

    private static String read(String file) throws IOException {
        try (InputStream in = AdapterTemplate.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("the dev kit jar lacks its template file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void require(Pattern pattern, String what, String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + pattern.pattern());
        }
    }
}
