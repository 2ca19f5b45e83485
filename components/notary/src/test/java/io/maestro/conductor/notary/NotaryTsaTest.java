package io.maestro.conductor.notary;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.sandbox.tsa.TimestampAuthority;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code notary:} through Camel against the sandbox's real RFC 3161 TSA over HTTP, seals checked offline. */
class NotaryTsaTest {

    private static final String SECRET = "acme-notary-signing-secret-0123456789";
    private static final String ROTATED = "acme-notary-signing-secret-rotated-987654";
    private static final String RECEIPT = "{\"id\":\"r-1\",\"seq\":1,\"tenant\":\"acme\"}";

    private TimestampAuthority tsa;
    private NotaryHarness notary;

    @BeforeEach
    void start() {
        tsa = TimestampAuthority.start();
        notary = new NotaryHarness();
        notary.instances.put(NotaryInstances.put(notary.secrets, "acme", "prod", "notary", tsa, SECRET, null, 1));
    }

    @AfterEach
    void stop() {
        notary.close();
        tsa.close();
    }

    @Test
    void aSealVerifiesOfflineAgainstTheTsaRootAndOnlyForItsOwnContent() {
        Exchange sealed = notary.call("seal", "notary", RECEIPT);

        assertThat(sealed.getException()).isNull();
        Seal seal = sealed.getMessage().getBody(Seal.class);
        byte[] content = RECEIPT.getBytes(StandardCharsets.UTF_8);
        SealCheck check = SealVerifier.verify(seal, content, List.of(tsa.caCertificate()));
        assertThat(check.valid()).as(String.valueOf(check.problem())).isTrue();
        assertThat(check.timestamp().anchored()).isTrue();
        assertThat(check.timestamp().genTime()).isEqualTo(seal.timestampedAt());
        assertThat(sealed.getMessage().getHeader(NotaryConstants.KEY_ID)).isEqualTo(seal.keyId());
        assertThat(tsa.issued()).isEqualTo(1);

        SealCheck tampered = SealVerifier.verify(
                seal, RECEIPT.replace("acme", "acmf").getBytes(StandardCharsets.UTF_8), List.of(tsa.caCertificate()));
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.signatureValid()).isFalse();
        assertThat(tampered.timestamp().problem()).isEqualTo("the token timestamps other content");
    }

    @Test
    void aTokenFromAnotherTsaRootIsNotTrusted() {
        Seal seal = notary.call("seal", "notary", RECEIPT).getMessage().getBody(Seal.class);

        try (TimestampAuthority other = TimestampAuthority.start()) {
            SealCheck check =
                    SealVerifier.verify(seal, RECEIPT.getBytes(StandardCharsets.UTF_8), List.of(other.caCertificate()));
            assertThat(check.valid()).isFalse();
            assertThat(check.signatureValid()).isTrue();
            assertThat(check.timestamp().problem()).contains("does not chain to a trusted TSA root");
        }
    }

    @Test
    void anInstancePinningAnotherRootRefusesTheTsasTokens() {
        try (TimestampAuthority other = TimestampAuthority.start()) {
            notary.instances.put(NotaryInstances.instance(
                    "acme",
                    "prod",
                    "pinned",
                    1,
                    java.util.Map.of(
                            NotaryDefinitions.SIGNING_KEY, "secret:notary-signing",
                            NotaryDefinitions.TSA_URL, tsa.url().toString(),
                            NotaryDefinitions.TSA_CERTIFICATE, other.caPem())));

            Exchange refused = notary.call("timestamp", "pinned", RECEIPT);

            assertThat(refused.getException()).isInstanceOf(AdapterException.class);
            assertThat(((AdapterException) refused.getException()).code()).isEqualTo(NotaryErrorCode.NOTARY_TSA_FAILED);
            assertThat(refused.getException().getMessage()).contains("does not chain to a trusted TSA root");
        }
    }

    @Test
    void rotatingTheSecretRotatesTheKeyAndOldSealsStillVerify() {
        Seal before = notary.call("seal", "notary", RECEIPT).getMessage().getBody(Seal.class);
        notary.instances.put(NotaryInstances.put(notary.secrets, "acme", "prod", "notary", tsa, ROTATED, null, 2));

        Seal after = notary.call("seal", "notary", RECEIPT).getMessage().getBody(Seal.class);

        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        byte[] content = RECEIPT.getBytes(StandardCharsets.UTF_8);
        assertThat(SealVerifier.verify(before, content, List.of(tsa.caCertificate()))
                        .valid())
                .isTrue();
        assertThat(SealVerifier.verify(after, content, List.of(tsa.caCertificate()))
                        .valid())
                .isTrue();
    }

    @Test
    void aSealNamingOneKeyButCarryingAnotherIsInvalid() {
        Seal seal = notary.call("seal", "notary", RECEIPT).getMessage().getBody(Seal.class);
        notary.instances.put(NotaryInstances.put(notary.secrets, "acme", "prod", "notary", tsa, ROTATED, null, 2));
        Seal other = notary.call("seal", "notary", RECEIPT).getMessage().getBody(Seal.class);
        Seal swapped = new Seal(
                seal.keyId(), seal.signature(), other.publicJwk(), seal.timestampToken(), seal.timestampedAt());

        SealCheck check = SealVerifier.verify(swapped, RECEIPT.getBytes(StandardCharsets.UTF_8), List.of());

        assertThat(check.signatureValid()).isFalse();
        assertThat(check.problem()).isEqualTo("the seal's key id is not its key's thumbprint");
    }

    @Test
    void signAndTimestampAnswerInHeadersAndLeaveTheBody() {
        Exchange signed = notary.call("sign", "notary", RECEIPT);
        Exchange stamped = notary.call("timestamp", "notary", RECEIPT);

        assertThat(signed.getMessage().getBody(String.class)).isEqualTo(RECEIPT);
        assertThat(signed.getMessage().getHeader(NotaryConstants.SIGNATURE, String.class))
                .matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
        byte[] token = Base64.getDecoder()
                .decode(stamped.getMessage().getHeader(NotaryConstants.TIMESTAMP_TOKEN, String.class));
        assertThat(TimestampVerifier.verify(
                                token, RECEIPT.getBytes(StandardCharsets.UTF_8), List.of(tsa.caCertificate()))
                        .valid())
                .isTrue();
        assertThat(stamped.getMessage().getBody(String.class)).isEqualTo(RECEIPT);
    }
}
