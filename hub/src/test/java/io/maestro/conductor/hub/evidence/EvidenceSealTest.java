package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import io.maestro.conductor.hub.notary.ReceiptSealRoute;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.notary.NotaryDefinitions;
import io.maestro.conductor.notary.receipt.ReceiptSeals;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.sandbox.tsa.TimestampAuthority;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Evidence verification checks the notary seal of the receipt it relies on, offline: a seal made through the
 * tenant's notary instance on the sandbox TSA verifies (chained to the pinned TSA root), and a receipt rewritten
 * with its hash recomputed, a signature from another key, a seal naming a key it does not carry, a timestamp over
 * other bytes, a flipped byte or a removed seal each make the bundle invalid with a clear reason.
 */
class EvidenceSealTest extends StorageHub {

    private static final Actor ACTOR = new Actor("evidence-seal-test");

    @Autowired
    ReceiptSealRoute sealRoute;

    @Autowired
    ReceiptSeals seals;

    @Autowired
    CamelContext camel;

    @Autowired
    DataSource dataSource;

    TimestampAuthority tsa;

    @BeforeEach
    void notaryOnTheSandboxTsa() {
        tsa = TimestampAuthority.start();
        registry.secrets().put(ACTOR, TENANT, PROD, "notary-signing", "northwind-signing-secret-0123456789abcdef");
        ObjectNode config = JSON.createObjectNode()
                .put(NotaryDefinitions.SIGNING_KEY, "secret:notary-signing")
                .put(NotaryDefinitions.TSA_URL, tsa.url().toString())
                .put(NotaryDefinitions.TSA_CERTIFICATE, tsa.caPem());
        registry.install(
                ACTOR,
                TENANT,
                PROD,
                "notary",
                new InstallRequest(NotaryDefinitions.BACKEND, null, config, "eu-west-1"));
    }

    @AfterEach
    void removeNotary() {
        registry.uninstall(ACTOR, TENANT, PROD, "notary");
        tsa.close();
    }

    @Test
    void aSealedBundleVerifiesAndAReceiptRewrittenWithItsHashRecomputedIsCaughtByItsSeal() throws Exception {
        String bundleId = "sealed-" + UUID.randomUUID();
        Api.Answer stored = upload(bundleId, "findings.txt", "all controls pass");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        JsonNode before = verify(bundleId);
        assertThat(before.path("valid").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.path("seal").path("status").asText())
                .as("not sealed before the sealing round")
                .isEqualTo("unsealed");

        sealEverything();
        JsonNode sealed = verify(bundleId);
        assertThat(sealed.path("valid").asBoolean()).as(sealed.toString()).isTrue();
        assertThat(sealed.path("seal").path("status").asText()).isEqualTo("verified");
        assertThat(sealed.path("seal").path("tsaRootPinned").asBoolean()).isTrue();
        assertThat(sealed.path("seal").path("keyId").asText()).isNotBlank();

        // Someone with the bucket's and the database's keys swaps the file and rewrites the receipt to match.
        String receiptId = stored.json().path("receiptId").asText();
        try (var bucket = directClient()) {
            bucket.putObject(
                    put -> put.bucket(EU_BUCKET)
                            .key(KEY_PREFIX + "/evidence/" + ENV + "/" + bundleId + "/findings.txt"),
                    RequestBody.fromBytes("controls were skipped".getBytes(StandardCharsets.UTF_8)));
        }
        Receipt receipt = registry.receipts().find(TENANT, receiptId).orElseThrow();
        ObjectNode changeSet = (ObjectNode) receipt.changeSet();
        ((ObjectNode) changeSet.path("files").get(0)).put("sha256", sha256("controls were skipped"));
        jdbc().update("UPDATE receipt SET change_set = ? WHERE id = ?", changeSet.toString(), receiptId);
        Receipt edited = registry.receipts().find(TENANT, receiptId).orElseThrow();
        jdbc().update("UPDATE receipt SET hash = ? WHERE id = ?", sha256(ReceiptLedger.canonical(edited)), receiptId);

        JsonNode forged = verify(bundleId);
        assertThat(forged.path("receiptIntact").asBoolean())
                .as("the receipt's own hash is fooled")
                .isTrue();
        assertThat(forged.path("files").get(0).path("status").asText())
                .as("the object matches the rewritten receipt")
                .isEqualTo("ok");
        assertThat(forged.path("valid").asBoolean()).as(forged.toString()).isFalse();
        assertThat(forged.path("seal").path("status").asText()).isEqualTo("invalid");
        assertThat(forged.path("seal").path("problem").asText())
                .isEqualTo("the signature does not verify over this content");
    }

    @Test
    void aTamperedWrongKeyOtherBytesOrRemovedSealMakesTheBundleInvalidWithItsReason() throws Exception {
        String wrongKey = storedBundle("wrong-key");
        String namesAnotherKey = storedBundle("kid-swap");
        String otherBytes = storedBundle("other-bytes");
        String flipped = storedBundle("flipped");
        String removed = storedBundle("removed");
        String intact = storedBundle("intact");
        sealEverything();

        // A signature made with another key over the same receipt, beside the tenant's public key.
        OctetKeyPair other = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        Receipt signed = registry.receipts().find(TENANT, receiptOf(wrongKey)).orElseThrow();
        String keyId = seals.find(TENANT, signed.id()).orElseThrow().keyId();
        JWSObject forgedJws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(keyId).build(),
                new Payload(ReceiptLedger.canonical(signed)));
        forgedJws.sign(new Ed25519Signer(other));
        sealColumn(wrongKey, "signature", forgedJws.serialize(true));
        // The seal names the tenant's key id but carries another key.
        sealColumn(namesAnotherKey, "public_jwk", other.toPublicJWK().toJSONString());
        // The timestamp token of another receipt's seal: a real token, over other bytes.
        sealColumn(
                otherBytes,
                "timestamp_token",
                jdbc().queryForObject(
                                "SELECT timestamp_token FROM receipt_seal WHERE receipt_id = ?",
                                String.class,
                                receiptOf(intact)));
        String signature = jdbc().queryForObject(
                        "SELECT signature FROM receipt_seal WHERE receipt_id = ?", String.class, receiptOf(flipped));
        char last = signature.charAt(signature.length() - 2);
        sealColumn(
                flipped,
                "signature",
                signature.substring(0, signature.length() - 2)
                        + (last == 'A' ? 'B' : 'A')
                        + signature.charAt(signature.length() - 1));
        jdbc().update("DELETE FROM receipt_seal WHERE receipt_id = ?", receiptOf(removed));

        assertInvalid(wrongKey, "invalid", "the signature does not verify over this content");
        assertInvalid(namesAnotherKey, "invalid", "the seal's key id is not its key's thumbprint");
        assertInvalid(otherBytes, "invalid", "the token timestamps other content");
        assertInvalid(flipped, "invalid", "the signature does not verify over this content");
        assertInvalid(removed, "missing", "a newer receipt is sealed but this one has no seal: its seal was removed");
        JsonNode untouched = verify(intact);
        assertThat(untouched.path("valid").asBoolean()).as(untouched.toString()).isTrue();
        assertThat(untouched.path("seal").path("status").asText()).isEqualTo("verified");
        assertThat(untouched.toString())
                .as("no key material or token in the report")
                .doesNotContain("northwind-signing-secret")
                .doesNotContain(signature)
                .doesNotContain("\"d\"");
    }

    private void assertInvalid(String bundleId, String status, String problem) {
        JsonNode report = verify(bundleId);
        assertThat(report.path("valid").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.path("receiptIntact").asBoolean()).isTrue();
        assertThat(report.path("files").get(0).path("status").asText()).isEqualTo("ok");
        assertThat(report.path("seal").path("status").asText()).as(bundleId).isEqualTo(status);
        assertThat(report.path("seal").path("problem").asText()).as(bundleId).isEqualTo(problem);
    }

    private void sealEverything() {
        for (int round = 0; round < 50 && !seals.unsealed(TENANT, 1).isEmpty(); round++) {
            sealRoute.sealAll(camel.createProducerTemplate());
        }
        assertThat(seals.unsealed(TENANT, 1)).as("every receipt sealed").isEmpty();
    }

    private String storedBundle(String prefix) {
        String bundleId = prefix + "-" + UUID.randomUUID();
        Api.Answer stored = upload(bundleId, "report.txt", prefix + " evidence");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return bundleId;
    }

    private String receiptOf(String bundleId) {
        return evidenceReceiptsOf(bundleId).get(0);
    }

    private void sealColumn(String bundleId, String column, String value) {
        assertThat(jdbc().update(
                                "UPDATE receipt_seal SET " + column + " = ? WHERE receipt_id = ?",
                                value,
                                receiptOf(bundleId)))
                .isEqualTo(1);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private Api.Answer upload(String bundleId, String name, String text) {
        return asOperator(
                "POST",
                "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence",
                bundle(bundleId, "eu-west-1", name, text));
    }

    private JsonNode verify(String bundleId) {
        Api.Answer answer = asOperator(
                "GET", "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence/" + bundleId + "/verify", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
