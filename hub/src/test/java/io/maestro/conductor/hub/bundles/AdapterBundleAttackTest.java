package io.maestro.conductor.hub.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.devkit.TestJars;
import io.maestro.conductor.devkit.bundle.BundleFiles;
import io.maestro.conductor.devkit.bundle.SigningKeys;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Installing a bundle runs its code in the hub: every way in that is not an operator of every tenant with a bundle
 * signed by a trusted key is refused with its code, and leaves no component, file or definition behind.
 */
class AdapterBundleAttackTest extends HubIntegrationTest {

    private static final String BUNDLES = AdapterBundleInstallTest.BUNDLES;
    private static final String VERSION = "7.0.0";

    @Autowired
    CamelContext camel;

    @Autowired
    AdapterBundles bundles;

    private List<InstalledAdapter> before;
    private List<String> componentsBefore;

    @BeforeEach
    void remember() {
        before = bundles.list();
        componentsBefore = List.copyOf(camel.getComponentNames());
    }

    @AfterEach
    void nothingChanged() throws IOException {
        assertThat(bundles.list()).isEqualTo(before);
        assertThat(camel.getComponentNames()).containsExactlyInAnyOrderElementsOf(componentsBefore);
        assertThat(DATA_DIR.resolve("adapters/hello-notify/" + VERSION)).doesNotExist();
        Path adapters = DATA_DIR.resolve("adapters/hello-notify");
        if (Files.exists(adapters)) {
            try (Stream<Path> staging = Files.list(adapters)) {
                assertThat(staging.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging"));
            }
        }
    }

    @Test
    void onlyAnOperatorOfEveryTenantMayInstallOrUninstall() {
        byte[] bundle = PartnerBundles.helloAs(VERSION, PARTNER_KEY);

        assertThat(api.postBytes(BUNDLES, null, null, "application/zip", bundle).status())
                .isEqualTo(401);
        for (String[] caller :
                new String[][] {{ATLAS_USER, ATLAS_PASSWORD}, {VICTOR, TEAM_PASSWORD}, {BOB, TEAM_PASSWORD}}) {
            Answer refused = api.postBytes(BUNDLES, caller[0], caller[1], "application/zip", bundle);
            assertThat(refused.status()).as(caller[0]).isEqualTo(403);
            assertThat(refused.json().path("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(api.get(BUNDLES, caller[0], caller[1]).status()).isEqualTo(403);
            assertThat(api.delete(BUNDLES + "/hello-notify/1.1.0", caller[0], caller[1])
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    void aBundleSignedByAnUntrustedKeyIsRefused() {
        assertRefused(PartnerBundles.helloAs(VERSION, SigningKeys.generate()), 403, "BUNDLE_KEY_UNTRUSTED");
    }

    @Test
    void anUnsignedBundleIsRefused() {
        Map<String, byte[]> entries = PartnerBundles.unzip(PartnerBundles.helloAs(VERSION, PARTNER_KEY));
        entries.remove(BundleFiles.SIGNATURE);
        assertRefused(TestJars.zip(entries), 400, "BUNDLE_INVALID");

        entries.put(BundleFiles.SIGNATURE, TestJars.bytes("eyJhbGciOiJub25lIn0.e30."));
        assertRefused(TestJars.zip(entries), 403, "BUNDLE_SIGNATURE_INVALID");
    }

    @Test
    void aJarChangedAfterSigningIsRefused() {
        Map<String, byte[]> entries = PartnerBundles.unzip(PartnerBundles.helloAs(VERSION, PARTNER_KEY));
        Map<String, byte[]> jar = PartnerBundles.unzip(entries.get(BundleFiles.JAR));
        jar.put("com/acme/hello/Implant.class", TestJars.bytes("java/lang/ProcessBuilder"));
        entries.put(BundleFiles.JAR, TestJars.zip(jar));

        assertRefused(TestJars.zip(entries), 403, "BUNDLE_TAMPERED");
    }

    @Test
    void entriesThatTraverseAreRefusedAndNothingLandsOutsideTheAdaptersDirectory() {
        Map<String, byte[]> entries = PartnerBundles.unzip(PartnerBundles.helloAs(VERSION, PARTNER_KEY));
        entries.put("../../../zip-slip-" + VERSION + ".txt", TestJars.bytes("escaped"));

        assertRefused(TestJars.zip(entries), 400, "BUNDLE_INVALID");
        assertThat(DATA_DIR.resolveSibling("zip-slip-" + VERSION + ".txt")).doesNotExist();
        assertThat(DATA_DIR.resolve("zip-slip-" + VERSION + ".txt")).doesNotExist();
    }

    @Test
    void aBundleOverTheBoundIsRefusedWhileItIsRead() {
        byte[] huge = new byte[(int) MAX_BUNDLE_BYTES + 1024];

        Answer refused = api.postBytes(BUNDLES, ALICE, TEAM_PASSWORD, "application/zip", huge);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().path("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void somethingThatIsNotABundleIsRefused() {
        assertRefused(TestJars.bytes("not a zip"), 400, "BUNDLE_INVALID");
        Answer json = api.post(BUNDLES, ALICE, TEAM_PASSWORD, "application/json", "{}");
        assertThat(json.status()).isEqualTo(415);
    }

    private void assertRefused(byte[] bundle, int status, String code) {
        Answer refused = api.postBytes(BUNDLES, ALICE, TEAM_PASSWORD, "application/zip", bundle);
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.json().path("code").asText()).isEqualTo(code);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }
}
