package io.maestro.conductor.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksHeadersWithSensitiveNames() {
        Map<String, String> masked = Masking.mask(Map.of(
                "Authorization", "Bearer abc.def", "X-Api-Key", "k-123", "ConductorTenant", "acme",
                "aws.secretKey", "wJalr"));
        assertThat(masked).containsEntry("Authorization", Masking.MASK).containsEntry("X-Api-Key", Masking.MASK)
                .containsEntry("aws.secretKey", Masking.MASK).containsEntry("ConductorTenant", "acme");
    }

    @Test
    void masksSecretsInsideText() {
        String text = "GET /b/k?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F2026&X-Amz-Signature=deadbeef "
                + "password=hunter2 token: \"t0k\" Authorization: Bearer eyJhbGciOi.x.y";
        String masked = Masking.maskText(text);
        assertThat(masked).doesNotContain("AKIAIOSFODNN7EXAMPLE", "deadbeef", "hunter2", "t0k", "eyJhbGciOi")
                .contains("/b/k", "password=****");
    }

    @Test
    void neverReadsStreamsAndShortensLongPayloads() {
        assertThat(Masking.maskPayload(new ByteArrayInputStream(new byte[10]))).isEqualTo("<stream>");
        assertThat(Masking.maskPayload(new byte[42])).isEqualTo("<42 bytes>");
        assertThat(Masking.maskPayload("x".repeat(1000))).hasSizeLessThan(300).endsWith("(1000 chars)");
        assertThat(Masking.maskPayload(null)).isEqualTo("null");
    }
}
