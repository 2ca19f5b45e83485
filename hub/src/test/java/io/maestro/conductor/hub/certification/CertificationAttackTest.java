package io.maestro.conductor.hub.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import io.maestro.conductor.devkit.bundle.SigningKeys;
import io.maestro.conductor.hub.bundles.PartnerBundles;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.S3StorageInstance;
import io.maestro.conductor.registry.Actor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the certification API refuses: callers without the right role or tenant, hostile bodies, transitions the
 * workflow does not have, and a review whose evidence cannot be stored. A refusal changes nothing: no row, no
 * receipt, no state moved.
 */
class CertificationAttackTest extends ReviewHub {

    @Autowired
    CertificationStore store;

    String inReview;

    @BeforeEach
    void oneInReview() {
        if (store.byAdapter("hello-notify", "6.0.0").isEmpty()) {
            Answer submitted = api.postBytes(
                    SUBMIT, PARTNER_USER, PASSWORD, "application/zip", PartnerBundles.helloAs("6.0.0", PARTNER_KEY));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        }
        inReview = store.byAdapter("hello-notify", "6.0.0").orElseThrow().id();
    }

    @Test
    void onlyTheTenantsOperatorsSubmitAndOnlyApproversOfEveryTenantDecide() {
        byte[] bundle = PartnerBundles.helloAs("6.1.0", PARTNER_KEY);
        assertThat(api.anonymousPost(SUBMIT, "application/zip", "x").status()).isEqualTo(401);
        assertThat(api.postBytes(SUBMIT, PARTNER_USER, "wrong", "application/zip", bundle)
                        .status())
                .isEqualTo(401);
        assertThat(api.postBytes(SUBMIT, VIC, PASSWORD, "application/zip", bundle)
                        .status())
                .isEqualTo(403);
        assertThat(api.postBytes(SUBMIT, RITA, PASSWORD, "application/zip", bundle)
                        .status())
                .as("an approver is not an operator")
                .isEqualTo(403);
        Answer crossTenant = api.postBytes(SUBMIT, OTHER_USER, PASSWORD, "application/zip", bundle);
        assertThat(crossTenant.status()).isEqualTo(404);
        assertThat(crossTenant.json().path("code").asText()).isEqualTo("TENANT_NOT_FOUND");

        for (String user : List.of(PARTNER_USER, OTTO, VIC, OTHER_USER)) {
            assertThat(decide(inReview, "certified", user).status()).as(user).isEqualTo(403);
        }
        assertThat(api.anonymousPost(
                                CERTIFICATIONS + "/" + inReview + "/transitions",
                                "application/json",
                                "{\"to\":\"certified\"}")
                        .status())
                .isEqualTo(401);
        assertThat(api.anonymousGet("/api/marketplace").status()).isEqualTo(401);
        assertThat(api.get("/api/marketplace", VIC, "wrong").status()).isEqualTo(401);
        assertThat(store.byAdapter("hello-notify", "6.1.0")).isEmpty();
        assertThat(state(inReview)).isEqualTo("in_review");
    }

    @Test
    void anotherTenantsCertificationIsNotFound() {
        assertThat(api.get(CERTIFICATIONS + "/" + inReview, OTHER_USER, PASSWORD)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(CERTIFICATIONS, OTHER_USER, PASSWORD).status()).isEqualTo(404);
        Answer viaOwnTenant =
                api.get("/api/tenants/" + OTHER + "/adapter-certifications/" + inReview, OTHER_USER, PASSWORD);
        assertThat(viaOwnTenant.status()).isEqualTo(404);
        assertThat(viaOwnTenant.json().path("code").asText()).isEqualTo("CERTIFICATION_NOT_FOUND");
        assertThat(api.get("/api/tenants/" + OTHER + "/adapter-certifications", OTHER_USER, PASSWORD)
                        .json())
                .isEmpty();
        Answer decidedElsewhere = api.postJson(
                "/api/tenants/" + OTHER + "/adapter-certifications/" + inReview + "/transitions",
                RITA,
                PASSWORD,
                Map.of("to", "certified"));
        assertThat(decidedElsewhere.status()).isEqualTo(404);
        assertThat(state(inReview)).isEqualTo("in_review");
    }

    @Test
    void hostileBodiesAreRefusedWithAStructuredErrorAndChangeNothing() {
        assertRefused(
                api.postBytes(SUBMIT, PARTNER_USER, PASSWORD, "application/zip", "not a zip".getBytes()),
                400,
                "BUNDLE_INVALID");
        ECKey stranger = SigningKeys.generate();
        assertRefused(
                api.postBytes(
                        SUBMIT, PARTNER_USER, PASSWORD, "application/zip", PartnerBundles.helloAs("6.2.0", stranger)),
                403,
                "BUNDLE_KEY_UNTRUSTED");
        assertThat(api.post(SUBMIT, PARTNER_USER, PASSWORD, "text/plain", "hello")
                        .status())
                .isEqualTo(415);
        assertThat(api.postBytes(
                                SUBMIT, PARTNER_USER, PASSWORD, "application/zip", new byte[(int) MAX_BUNDLE_BYTES + 1])
                        .status())
                .isEqualTo(413);
        assertRefused(
                api.postBytes(
                        "/api/tenants/" + PARTNER + "/environments/nope/adapter-certifications",
                        PARTNER_USER,
                        PASSWORD,
                        "application/zip",
                        PartnerBundles.helloAs("6.2.0", PARTNER_KEY)),
                404,
                "ENVIRONMENT_NOT_FOUND");
        assertRefused(
                api.postBytes(
                        SUBMIT,
                        PARTNER_USER,
                        PASSWORD,
                        "application/zip",
                        PartnerBundles.helloAs("6.0.0", PARTNER_KEY)),
                409,
                "CERTIFICATION_EXISTS");

        assertRefused(decide(inReview, "marketplace_ready", RITA), 409, "TRANSITION_INVALID");
        assertRefused(decide(inReview, "in_review", RITA), 409, "TRANSITION_INVALID");
        assertRefused(decide(inReview, "approved-by-magic", RITA), 400, "STATE_INVALID");
        Map<String, Object> longNotes = Map.of("to", "certified", "notes", "n".repeat(2001));
        assertRefused(
                api.postJson(CERTIFICATIONS + "/" + inReview + "/transitions", RITA, PASSWORD, longNotes),
                400,
                "NOTES_INVALID");
        Map<String, Object> control = Map.of("to", "certified", "notes", "ok\u0000\u001b[2J");
        assertRefused(
                api.postJson(CERTIFICATIONS + "/" + inReview + "/transitions", RITA, PASSWORD, control),
                400,
                "NOTES_INVALID");
        assertThat(api.post(CERTIFICATIONS + "/" + inReview + "/transitions", RITA, PASSWORD, "text/plain", "x")
                        .status())
                .isEqualTo(415);
        assertThat(api.post(
                                CERTIFICATIONS + "/" + inReview + "/transitions",
                                RITA,
                                PASSWORD,
                                "application/json",
                                "{\"to\":")
                        .status())
                .isEqualTo(400);
        assertRefused(decide("no-such-id", "certified", RITA), 404, "CERTIFICATION_NOT_FOUND");
        assertThat(api.get(CERTIFICATIONS + "?limit=100000", PARTNER_USER, PASSWORD)
                        .status())
                .isEqualTo(400);

        assertThat(state(inReview)).isEqualTo("in_review");
        assertThat(store.byAdapter("hello-notify", "6.2.0")).isEmpty();
    }

    @Test
    void theSamePackageSubmittedTwiceIsRefusedAndChangesNothing() {
        byte[] bundle = PartnerBundles.helloAs("6.5.0", PARTNER_KEY);
        assertThat(submit(bundle, PARTNER_USER).status()).isEqualTo(201);
        long receipts = registry.receipts().listNewest(PARTNER, 0, 1).get(0).seq();
        List<String> evidence = evidenceObjects("hello-notify", "6.5.0");

        assertRefused(submit(bundle, PARTNER_USER), 409, "CERTIFICATION_EXISTS");
        assertRefused(submit(bundle, OTTO), 409, "CERTIFICATION_EXISTS");

        assertThat(registry.receipts().listNewest(PARTNER, 0, 1).get(0).seq()).isEqualTo(receipts);
        assertThat(evidenceObjects("hello-notify", "6.5.0")).isEqualTo(evidence);
    }

    /**
     * A tenant's user sees what it needs to choose and verify an adapter (badge, rating, jar checksum); the review's
     * findings, signing key, evidence checksum, reviewer and approvals are for the hub's people of every tenant.
     */
    @Test
    void aTenantsUserGetsTheMarketplaceWithoutTheReviewDetails() {
        String id = submit(PartnerBundles.helloAs("6.6.0", PARTNER_KEY), PARTNER_USER)
                .json()
                .path("id")
                .asText();
        assertThat(decide(id, "certified", RITA).status()).isEqualTo(200);

        for (String tenantUser : List.of(PARTNER_USER, OTHER_USER)) {
            Answer answer = api.get("/api/marketplace", tenantUser, PASSWORD);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode listing = listing(answer, "6.6.0");
            assertThat(listing.path("badge").asText()).isEqualTo("certified");
            assertThat(listing.path("jarSha256").asText()).hasSize(64);
            assertThat(listing.has("review")).as(tenantUser).isFalse();
            assertThat(answer.body())
                    .doesNotContain(RITA, "findings", "keyId", "evidenceSha256", "reviewedBy", PARTNER + "\"");
        }
        JsonNode operatorView = listing(api.get("/api/marketplace", VIC, PASSWORD), "6.6.0");
        assertThat(operatorView.path("review").path("reviewedBy").asText()).isEqualTo(RITA);
        assertThat(operatorView.path("review").has("findings")).isTrue();
    }

    @Test
    void theCliSubmittingAnOversizePackageGetsAStructuredError() throws IOException {
        Path bundle = Files.createTempFile("oversize", ".zip");
        Path passwordFile = Files.createTempFile("password", ".txt");
        try {
            Files.write(bundle, new byte[(int) MAX_BUNDLE_BYTES * 3]);
            Files.writeString(passwordFile, PASSWORD);

            String printed = DevkitEndToEndTest.assertCli(
                    1,
                    "adapter",
                    "submit",
                    bundle.toString(),
                    "--tenant",
                    PARTNER,
                    "--env",
                    ENV,
                    "--hub",
                    "http://127.0.0.1:" + port,
                    "--user",
                    PARTNER_USER,
                    "--password-file",
                    passwordFile.toString());

            JsonNode problem = JSON.readTree(printed);
            assertThat(problem.path("status").asInt()).as(printed).isEqualTo(413);
            assertThat(problem.path("code").asText()).isIn("REQUEST_TOO_LARGE", "UPLOAD_INTERRUPTED");
            assertThat(printed).doesNotContain(PASSWORD, "Exception", "at io.");
        } finally {
            Files.deleteIfExists(bundle);
            Files.deleteIfExists(passwordFile);
        }
    }

    private static JsonNode listing(Answer marketplace, String version) {
        for (JsonNode entry : marketplace.json()) {
            if (entry.path("name").asText().equals("hello-notify")
                    && entry.path("version").asText().equals(version)) {
                return entry;
            }
        }
        throw new AssertionError("hello-notify " + version + " is not listed: " + marketplace.body());
    }

    @Test
    void aReviewWhoseEvidenceThePolicyRefusesRecordsNothing() {
        // globex has a storage instance of the review's name, but no residency data: every put is denied
        if (registry.instance(OTHER, ENV, "evidence").isEmpty()) {
            registry.secrets().put(new Actor("test"), OTHER, ENV, "s3-access", S3.accessKey());
            registry.secrets().put(new Actor("test"), OTHER, ENV, "s3-secret", S3.secretKey());
            S3StorageInstance.install(registry, OTHER, ENV, "evidence", S3, BUCKET, "eu-west-1", "globex/dev");
        }
        long receiptsBefore = registry.receipts().list(OTHER, 0, 500).size();

        Answer denied = api.postBytes(
                "/api/tenants/" + OTHER + "/environments/" + ENV + "/adapter-certifications",
                OTHER_USER,
                PASSWORD,
                "application/zip",
                PartnerBundles.helloAs("6.3.0", PARTNER_KEY));

        assertRefused(denied, 403, "REVIEW_EVIDENCE_DENIED");
        assertThat(store.byAdapter("hello-notify", "6.3.0")).isEmpty();
        assertThat(registry.receipts().list(OTHER, 0, 500)).hasSize((int) receiptsBefore);
        assertThat(S3.objectKeys(BUCKET)).noneMatch(key -> key.startsWith("globex/"));
    }

    Answer decide(String id, String to, String user) {
        return api.postJson(CERTIFICATIONS + "/" + id + "/transitions", user, PASSWORD, Map.of("to", to));
    }

    String state(String id) {
        return store.find(PARTNER, id).orElseThrow().state();
    }

    static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().path("code").asText()).as(answer.body()).isEqualTo(code);
        assertThat(answer.body()).doesNotContain(PASSWORD, S3.secretKey(), "Exception", "at io.");
    }
}
