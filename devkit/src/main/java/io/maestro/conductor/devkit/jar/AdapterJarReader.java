package io.maestro.conductor.devkit.jar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an adapter jar once, in bounded time and memory: at most {@value #MAX_ENTRIES} entries and
 * {@value #MAX_INFLATED} bytes inflated in all (a zip bomb stops there), no entry name that could leave a directory
 * it were unpacked into, no duplicate entry; only the small metadata files are kept.
 */
public final class AdapterJarReader {

    public static final int MAX_ENTRIES = 20_000;
    public static final long MAX_INFLATED = 256L * 1024 * 1024;
    static final int MAX_METADATA = 1024 * 1024;

    private static final String COMPONENT_SERVICES = "META-INF/services/org/apache/camel/component/";
    private static final String DEFINITIONS = "META-INF/conductor/adapter-definitions.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** JDK packages whose use means a permission the manifest must declare. */
    private static final Map<String, String> PERMISSION_MARKERS = Map.of(
            "java/net/Socket", "network",
            "java/net/URL", "network",
            "java/net/http/", "network",
            "java/nio/channels/SocketChannel", "network",
            "java/io/File", "filesystem",
            "java/nio/file/", "filesystem",
            "java/lang/ProcessBuilder", "process",
            "java/lang/Runtime", "process");

    private AdapterJarReader() {}

    public static AdapterJar read(byte[] jar) {
        return read(jar, MAX_INFLATED);
    }

    static AdapterJar read(byte[] jar, long maxInflated) {
        Map<String, String> services = new TreeMap<>();
        Set<String> catalogSchemes = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        Set<String> libraries = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        String definitions = null;
        long inflated = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (seen.size() >= MAX_ENTRIES) {
                    throw invalid("the jar has more than " + MAX_ENTRIES + " entries");
                }
                if (!isSafe(name) || !seen.add(name)) {
                    throw invalid("the jar has an unsafe or duplicated entry name");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = readBounded(zip, maxInflated - inflated);
                inflated += content.length;
                if (name.endsWith(".class")) {
                    classes.add(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                    scanPermissions(content, used);
                } else if (name.startsWith(COMPONENT_SERVICES) && content.length <= MAX_METADATA) {
                    services.put(name.substring(COMPONENT_SERVICES.length()), serviceClass(content));
                } else if (name.startsWith("META-INF/maven/")
                        && name.endsWith("/pom.properties")
                        && content.length <= MAX_METADATA) {
                    library(content).ifPresent(libraries::add);
                } else if (name.equals(DEFINITIONS) && content.length <= MAX_METADATA) {
                    definitions = new String(content, StandardCharsets.UTF_8);
                } else if (name.startsWith("META-INF/") && name.endsWith(".json") && content.length <= MAX_METADATA) {
                    catalogScheme(content, name, catalogSchemes);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("the adapter jar is not a readable jar");
        }
        if (seen.isEmpty()) {
            throw invalid("the adapter jar is empty or not a jar");
        }
        return new AdapterJar(services, catalogSchemes, classes, definitions, used, libraries);
    }

    /** Relative, no {@code ..} segment, no backslash or NUL: safe to unpack anywhere. */
    static boolean isSafe(String name) {
        if (name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.indexOf('\0') >= 0
                || name.length() > 1024
                || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readBounded(InputStream in, long budget) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
        if (content.length > budget) {
            throw invalid("the jar inflates to more than its bound");
        }
        return content;
    }

    /** {@code group:artifact:version} of a Maven {@code pom.properties}; none when a part is missing or odd. */
    private static java.util.Optional<String> library(byte[] content) throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(content));
        String coordinates = properties.getProperty("groupId", "") + ":" + properties.getProperty("artifactId", "")
                + ":" + properties.getProperty("version", "");
        return coordinates.matches("[A-Za-z0-9._-]{1,200}:[A-Za-z0-9._-]{1,200}:[A-Za-z0-9._+-]{1,100}")
                ? java.util.Optional.of(coordinates)
                : java.util.Optional.empty();
    }

    private static String serviceClass(byte[] content) throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(content));
        return properties.getProperty("class", "");
    }

    /** A Camel catalog file: {@code {"component": {"kind": "component", "scheme": …}}}. */
    private static void catalogScheme(byte[] content, String name, Set<String> schemes) {
        try {
            JsonNode component = JSON.readTree(content).path("component");
            if ("component".equals(component.path("kind").asText()) && component.hasNonNull("scheme")) {
                schemes.add(component.path("scheme").asText());
            }
        } catch (IOException e) {
            // a JSON file that is not a catalog is none of our business
        }
    }

    private static void scanPermissions(byte[] classFile, Set<String> used) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        PERMISSION_MARKERS.forEach((marker, kind) -> {
            if (text.contains(marker)) {
                used.add(kind);
            }
        });
    }

    private static DevkitException invalid(String why) {
        return new DevkitException(DevkitErrorCode.JAR_INVALID, why);
    }
}
