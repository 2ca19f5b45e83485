package io.maestro.conductor.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksHeadersWithSensitiveNames() {
        Map<String, String> masked = Masking.mask(Map.of(
                "Authorization",
                "Bearer abc.def",
                "X-Api-Key",
                "k-123",
                "ConductorTenant",
                "acme",
                "aws.secretKey",
                "wJalr"));
        assertThat(masked)
                .containsEntry("Authorization", Masking.MASK)
                .containsEntry("X-Api-Key", Masking.MASK)
                .containsEntry("aws.secretKey", Masking.MASK)
                .containsEntry("ConductorTenant", "acme");
    }

    @Test
    void fieldNamesShowsAMapsKeysNeverItsValues() {
        assertThat(Masking.fieldNames(Map.of("name", "Jane Roe", "code", "X1"))).isEqualTo("fields [code, name]");
        assertThat(Masking.fieldNames("password=hunter2")).doesNotContain("hunter2");
    }

    @Test
    void masksSecretsInsideText() {
        String text = "GET /b/k?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F2026&X-Amz-Signature=deadbeef "
                + "password=hunter2 token: \"t0k\" Authorization: Bearer eyJhbGciOi.x.y";
        String masked = Masking.maskText(text);
        assertThat(masked)
                .doesNotContain("AKIAIOSFODNN7EXAMPLE", "deadbeef", "hunter2", "t0k", "eyJhbGciOi")
                .contains("/b/k", "password=****");
    }

    @Test
    void masksStripeKeysEmailsAndCardNumbersInsideText() {
        String text = "customer jenny.rosen@example.com card 4242 4242 4242 4242 or 4000-0566-5566-5556 or "
                + "378282246310005, key sk_live_51AbCdEf rk_test_9Zz pk_test_1x hook whsec_AbC123";
        String masked = Masking.maskText(text);
        assertThat(masked)
                .doesNotContain(
                        "jenny",
                        "example.com",
                        "4242",
                        "5566",
                        "378282246310005",
                        "sk_live",
                        "rk_test",
                        "pk_test",
                        "whsec_")
                .contains("customer ****", "card ****");
    }

    @Test
    void masksTheUserInfoOfUrlsInsideText() {
        String masked =
                Masking.maskText("endpoint 'http://AK1:s3cr%40t@10.0.0.1:9000/b' and https://bob@minio.internal");

        assertThat(masked)
                .isEqualTo("endpoint 'http://" + Masking.MASK + "@10.0.0.1:9000/b' and https://" + Masking.MASK
                        + "@minio.internal");
    }

    @Test
    void leavesLongNumbersThatAreNoCardNumbers() {
        // epoch milliseconds and a 16-digit id that fail Luhn's check stay readable in logs
        String masked = Masking.maskText("at 1780000000000 order 1234567812345678 amount 2000");
        assertThat(masked).isEqualTo("at 1780000000000 order 1234567812345678 amount 2000");
    }

    @Test
    void neverReadsStreamsAndShortensLongPayloads() {
        assertThat(Masking.maskPayload(new ByteArrayInputStream(new byte[10]))).isEqualTo("<stream>");
        assertThat(Masking.maskPayload(new byte[42])).isEqualTo("<42 bytes>");
        assertThat(Masking.maskPayload("x".repeat(1000))).hasSizeLessThan(300).endsWith("(1000 chars)");
        assertThat(Masking.maskPayload(null)).isEqualTo("null");
    }

    @Test
    void whatStartsInTheShownPartOfALongPayloadIsMaskedWhole() {
        String tail = " " + "y".repeat(100_000);
        // each starts before the 256th character and ends after it
        String email = "a".repeat(230) + " someone.with.a.long.local.part@subdomain.example.com" + tail;
        String card = "b".repeat(245) + " 4242 4242 4242 4242" + tail;
        String password = "c".repeat(240) + " password=hunter2-and-more-of-it" + tail;

        for (String payload : new String[] {email, card, password}) {
            String shown = Masking.maskPayload(payload);
            assertThat(shown)
                    .doesNotContain("someone", "4242", "hunter2")
                    .endsWith("...(" + payload.length() + " chars)");
            assertThat(shown.substring(0, shown.indexOf("...("))).hasSizeLessThanOrEqualTo(256);
        }
    }

    /** The cheap pre-checks that skip a pattern must not skip it for any case its (?i) pattern matches. */
    @Test
    void keysAndTokensInAnyCaseAreMaskedAndPlainTextIsLeftAlone() {
        assertThat(Masking.maskText("PASSWORD=hunter2 Api_Key: k-123 X-Amz-Signature=abc ACCESS-KEY=zzz"))
                .doesNotContain("hunter2", "k-123", "abc", "zzz");
        assertThat(Masking.maskText("Authorization: BEARER eyJhbGciOi.x.y")).doesNotContain("eyJhbGciOi");
        assertThat(Masking.maskText("Token:t0p SecreT=s3 CREDENTIAL=c9 PassWd=p1"))
                .doesNotContain("t0p", "s3", "c9", "p1");
        assertThat(Masking.maskText("card 4242-4242-4242-4242 paid")).isEqualTo("card **** paid");
        String plain = "{\"event\":\"bench\",\"n\":123456789012,\"pad\":\"" + "x".repeat(200) + "\"}";
        assertThat(Masking.maskText(plain)).isSameAs(plain);
    }
}
