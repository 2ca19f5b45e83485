package io.maestro.conductor.devkit.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random and hostile manifests: every one is either accepted or refused with a {@link DevkitException} (never
 * another exception, a hang or a stack overflow), each in bounded time and allocation, and no refusal quotes a
 * value of the document.
 */
class ManifestFuzzTest {

    private static final String CANARY = "CANARY-sk_live_9f8e7d";
    private static final long MAX_MILLIS_PER_CASE = 5_000;
    private static final long MAX_ALLOCATED_PER_CASE = 200L * 1024 * 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Class loading and the schema's compilation are paid once here, not by the first measured case. */
    @BeforeAll
    static void warmUp() {
        ManifestValidator.read(Manifests.helloYaml());
    }

    @Test
    void randomMutationsOfAValidManifestAreAcceptedOrRefusedCleanly() {
        Random random = new Random(20261203L);
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            ObjectNode manifest = Manifests.hello();
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                mutate(manifest, random);
            }
            byte[] document = random.nextBoolean() ? Manifests.json(manifest) : yaml(manifest);
            refused += check("mutation " + i, document) ? 0 : 1;
        }
        // the mutations are hostile enough to be refused mostly, and not all (some hit optional fields)
        assertThat(refused).isBetween(200, 399);
    }

    @Test
    void randomBytesAroundAValidManifestAreAcceptedOrRefusedCleanly() {
        Random random = new Random(42L);
        byte[] valid = Manifests.helloYaml();
        for (int i = 0; i < 1500; i++) {
            byte[] document = valid.clone();
            for (int m = 1 + random.nextInt(8); m > 0; m--) {
                document[random.nextInt(document.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                document = java.util.Arrays.copyOf(document, random.nextInt(document.length));
            }
            check("bytes " + i, document);
        }
    }

    @Test
    void hostileDocumentsAreRefusedWithTheirCode() {
        String laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
        assertRefused(laughs, DevkitErrorCode.MANIFEST_ALIAS_REFUSED);
        assertRefused("a: &a [*a]\n", DevkitErrorCode.MANIFEST_ALIAS_REFUSED);
        assertRefused("? &k [*k]\n: v\n", DevkitErrorCode.MANIFEST_UNREADABLE);
        assertRefused("[".repeat(100_000), DevkitErrorCode.MANIFEST_TOO_DEEP);
        assertRefused("{\"a\":".repeat(50_000), DevkitErrorCode.MANIFEST_TOO_DEEP);
        assertRefused("- ".repeat(100_000) + "x", DevkitErrorCode.MANIFEST_TOO_DEEP);
        assertRefused("name: " + "x".repeat(ManifestReader.MAX_BYTES), DevkitErrorCode.MANIFEST_TOO_LARGE);
        assertRefused("n: " + "9".repeat(5_000), DevkitErrorCode.MANIFEST_INVALID);
        assertRefused("{\"n\": 1" + "0".repeat(5_000) + "}", DevkitErrorCode.MANIFEST_UNREADABLE);
        assertRefused("x: !!binary AAAA\n", DevkitErrorCode.MANIFEST_INVALID);
        assertRefused(
                "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                        + " [\"http://127.0.0.1:1/\"]]]]\n",
                DevkitErrorCode.MANIFEST_INVALID);
        assertRefused("", DevkitErrorCode.MANIFEST_UNREADABLE);
        assertRefused("\u0000\u0001\u0002", DevkitErrorCode.MANIFEST_UNREADABLE);
        assertRefused("- 1\n- 2\n", DevkitErrorCode.MANIFEST_INVALID);
        assertRefused("\"just a string\"", DevkitErrorCode.MANIFEST_INVALID);
        assertRefused("name: ../../../etc/passwd\nversion: " + CANARY + "\n", DevkitErrorCode.MANIFEST_INVALID);
        ObjectNode wide = Manifests.hello();
        ObjectNode properties = (ObjectNode) wide.path("configSchema").path("properties");
        for (int i = 0; i < 3_000; i++) {
            properties.putObject("p" + i).put("type", "string").put("description", CANARY);
        }
        assertRefused(new String(Manifests.json(wide), StandardCharsets.UTF_8), DevkitErrorCode.MANIFEST_INVALID);
        ObjectNode manyErrors = Manifests.hello();
        ArrayNode regions = manyErrors.putArray("supportedRegions");
        for (int i = 0; i < 5_000; i++) {
            regions.add("../" + CANARY + i);
        }
        DevkitException refused = refusal(new String(Manifests.json(manyErrors), StandardCharsets.UTF_8));
        assertThat(refused.violations()).hasSizeLessThanOrEqualTo(DevkitException.MAX_SHOWN);
    }

    private void assertRefused(String document, DevkitErrorCode code) {
        assertThat(refusal(document).code()).as(abbreviate(document)).isEqualTo(code);
    }

    private DevkitException refusal(String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        assertThat(check(abbreviate(document), bytes))
                .as("refused: " + abbreviate(document))
                .isFalse();
        try {
            ManifestValidator.read(bytes);
        } catch (DevkitException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    /** Validates one document within the bounds; true when it was accepted. */
    private boolean check(String name, byte[] document) {
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        boolean accepted;
        try {
            ManifestValidator.read(document);
            accepted = true;
        } catch (DevkitException e) {
            assertThat(e.toJson().toString()).as(name).doesNotContain(CANARY);
            assertThat(e.toJson().path("code").asText()).isNotEmpty();
            accepted = false;
        } catch (Throwable t) {
            return fail(name + " failed with " + t, t);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        assertThat(millis).as(name + " time").isLessThan(MAX_MILLIS_PER_CASE);
        assertThat(allocated).as(name + " allocation").isLessThan(MAX_ALLOCATED_PER_CASE);
        return accepted;
    }

    private static void mutate(ObjectNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = random.nextInt(10) == 0 ? hostileName(random) : names.get(random.nextInt(names.size()));
            if (random.nextInt(5) == 0) {
                object.remove(name);
            } else {
                object.set(name, randomValue(random, 0));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.size() > 0 && random.nextBoolean()) {
                array.set(random.nextInt(array.size()), randomValue(random, 0));
            } else {
                array.add(randomValue(random, 0));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), containers);
            }
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 6 : 9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 4 -> NODES.textNode(CANARY + "x".repeat(random.nextInt(4) == 0 ? 5_000 : 5));
            case 5 -> NODES.textNode(hostileName(random));
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(random.nextBoolean() ? hostileName(random) : "password", randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String hostileName(Random random) {
        String[] names = {
            "../../etc/passwd",
            "..\\..\\windows",
            "/absolute",
            "a\u0000b",
            "$(id)",
            "${jndi:ldap://127.0.0.1/x}",
            "ünïcode",
            "",
            " ",
            "apiKey",
            "x".repeat(300),
            "%2e%2e%2f",
            "<script>",
            "'; DROP TABLE t; --"
        };
        return names[random.nextInt(names.length)];
    }

    private static byte[] yaml(JsonNode tree) {
        try {
            return Manifests.YAML.writeValueAsBytes(tree);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String abbreviate(String document) {
        return document.length() > 60 ? document.substring(0, 60) + "…" : document;
    }
}
