package io.maestro.conductor.policy.pdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads bundle directories the way OPA reads a bundle: every {@code *.rego} file is a module (the
 * {@code *_test.rego} ones too; their tests are run by the test runner, not by decisions), and a
 * {@code data.json} in sub-directory {@code a/b} of a bundle is the base document {@code data.a.b}. All
 * bundles share one data tree; two files giving different values for one leaf are an error.
 */
public final class BundleLoader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BundleLoader() {}

    public static PolicyBundles load(List<Path> bundleDirs) {
        List<String> errors = new ArrayList<>();
        List<RegoModule> modules = new ArrayList<>();
        ObjectNode data = MAPPER.createObjectNode();
        MessageDigest digest = sha256();
        for (Path dir : bundleDirs) {
            if (!Files.isDirectory(dir)) {
                errors.add(dir + ": bundle directory does not exist");
                continue;
            }
            for (Path file : bundleFiles(dir)) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                String name = dir.getFileName() + "/" + relative;
                byte[] bytes = read(file);
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
                if (relative.endsWith(".rego")) {
                    modules.add(new RegoModule(name, new String(bytes, StandardCharsets.UTF_8)));
                } else {
                    mergeData(data, dataPath(relative), bytes, name, errors);
                }
            }
        }
        if (!errors.isEmpty()) throw new BundleException(errors, null);
        return new PolicyBundles(modules, Values.fromJson(data), HexFormat.of().formatHex(digest.digest()));
    }

    private static List<Path> bundleFiles(Path dir) {
        // Links are followed: mounted bundles (e.g. Kubernetes ConfigMaps) are symlinks into hidden "..data" dirs,
        // which the dot filter below keeps from being read twice.
        try (Stream<Path> files = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !dir.relativize(f).toString().startsWith("."))
                    .filter(f -> f.toString().endsWith(".rego")
                            || f.getFileName().toString().equals("data.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BundleException(List.of(dir + ": " + e.getMessage()), e);
        }
    }

    private static List<String> dataPath(String relativeFile) {
        int slash = relativeFile.lastIndexOf('/');
        return slash < 0 ? List.of() : List.of(relativeFile.substring(0, slash).split("/"));
    }

    private static void mergeData(ObjectNode root, List<String> path, byte[] json, String name, List<String> errors) {
        JsonNode document;
        try {
            document = MAPPER.readTree(json);
        } catch (IOException e) {
            errors.add(name + ": invalid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        ObjectNode target = root;
        for (String segment : path) {
            JsonNode child = target.get(segment);
            if (child != null && !child.isObject()) {
                errors.add(name + ": data." + String.join(".", path) + " conflicts with a value from another file");
                return;
            }
            target = child == null ? target.putObject(segment) : (ObjectNode) child;
        }
        if (!document.isObject()) {
            errors.add(name + ": a data.json must hold a JSON object");
            return;
        }
        merge(
                target,
                (ObjectNode) document,
                name,
                "data" + (path.isEmpty() ? "" : "." + String.join(".", path)),
                errors);
    }

    private static void merge(ObjectNode into, ObjectNode from, String name, String at, List<String> errors) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            JsonNode existing = into.get(field.getKey());
            String where = at + "." + field.getKey();
            if (existing == null) {
                into.set(field.getKey(), field.getValue());
            } else if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), name, where, errors);
            } else if (!existing.equals(field.getValue())) {
                errors.add(name + ": " + where + " conflicts with a value from another file");
            }
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BundleException(List.of(file + ": " + e.getMessage()), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
