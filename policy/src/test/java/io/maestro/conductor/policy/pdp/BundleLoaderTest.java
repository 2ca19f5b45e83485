package io.maestro.conductor.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.policy.rego.QueryOptions;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLoaderTest {
    @TempDir
    Path a;

    @TempDir
    Path b;

    @Test
    void dataJsonInADirectoryIsTheDocumentAtThatPath() throws Exception {
        Files.createDirectories(a.resolve("x/y"));
        Files.writeString(a.resolve("x/y/data.json"), "{\"k\": 1}");
        Files.writeString(a.resolve("data.json"), "{\"top\": true}");
        Files.createDirectories(b.resolve("x"));
        Files.writeString(b.resolve("x/data.json"), "{\"other\": \"b\"}");

        PolicyBundles bundles = BundleLoader.load(List.of(a, b));

        assertThat(Values.toJsonString(bundles.data()))
                .isEqualTo("{\"top\":true,\"x\":{\"other\":\"b\",\"y\":{\"k\":1}}}");
    }

    @Test
    void testFilesAreCompiledAlongside() throws Exception {
        Files.writeString(a.resolve("p.rego"), "package p\nimport rego.v1\nv := 1\n");
        Files.writeString(a.resolve("p_test.rego"), "package p_test\nimport rego.v1\ntest_v if data.p.v == 1\n");

        PolicyBundles bundles = BundleLoader.load(List.of(a));

        assertThat(bundles.modules())
                .extracting(RegoModule::fileName)
                .containsExactly(a.getFileName() + "/p.rego", a.getFileName() + "/p_test.rego");
        assertThat(bundles.compile().evaluate("data.p_test.test_v", null, QueryOptions.defaults()))
                .contains(Values.fromJson("true"));
    }

    @Test
    void conflictingDataAndBadJsonAreAllReported() throws Exception {
        Files.writeString(a.resolve("data.json"), "{\"k\": 1}");
        Files.writeString(b.resolve("data.json"), "{\"k\": 2}");
        Files.createDirectories(b.resolve("z"));
        Files.writeString(b.resolve("z/data.json"), "{oops");

        assertThatThrownBy(() -> BundleLoader.load(List.of(a, b)))
                .isInstanceOfSatisfying(
                        BundleException.class,
                        e -> assertThat(e.errors())
                                .satisfiesExactly(
                                        first -> assertThat(first)
                                                .contains("data.json")
                                                .contains("data.k conflicts"),
                                        second -> assertThat(second)
                                                .contains("z/data.json")
                                                .contains("invalid JSON")));
    }

    @Test
    void mountedBundlesBehindSymlinksAreReadOnce() throws Exception {
        Path revision = Files.createDirectories(a.resolve("..2026_11_26").resolve("x"));
        Files.writeString(revision.getParent().resolve("p.rego"), "package p\n");
        Files.writeString(revision.resolve("data.json"), "{\"k\": 1}");
        Files.createSymbolicLink(a.resolve("..data"), revision.getParent().getFileName());
        Files.createSymbolicLink(a.resolve("p.rego"), Path.of("..data/p.rego"));
        Files.createSymbolicLink(a.resolve("x"), Path.of("..data/x"));
        Path link = b.resolve("bundle");
        Files.createSymbolicLink(link, a);

        PolicyBundles bundles = BundleLoader.load(List.of(link));

        assertThat(bundles.modules()).extracting(RegoModule::fileName).containsExactly("bundle/p.rego");
        assertThat(Values.toJsonString(bundles.data())).isEqualTo("{\"x\":{\"k\":1}}");
    }

    @Test
    void aMissingDirectoryIsAnError() {
        assertThatThrownBy(() -> BundleLoader.load(List.of(a.resolve("absent"))))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void theFingerprintFollowsContent() throws Exception {
        Files.writeString(a.resolve("p.rego"), "package p\n");
        String first = BundleLoader.load(List.of(a)).fingerprint();
        assertThat(BundleLoader.load(List.of(a)).fingerprint()).isEqualTo(first);

        Files.writeString(a.resolve("p.rego"), "package p\n# changed\n");
        assertThat(BundleLoader.load(List.of(a)).fingerprint()).isNotEqualTo(first);
    }
}
