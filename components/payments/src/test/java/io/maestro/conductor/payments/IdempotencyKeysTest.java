package io.maestro.conductor.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    private static final CallContext ACME = new CallContext("acme", "prod", "billing", "c1");

    @Test
    void theSameFactGivesTheSameKeyWhateverTheCorrelationOrInstance() {
        CallContext retried = new CallContext("acme", "prod", "billing-2", "c2");

        assertThat(IdempotencyKeys.derive(ACME, "invoice_draft", "2026-12"))
                .isEqualTo(IdempotencyKeys.derive(retried, "invoice_draft", "2026-12"))
                .startsWith("cdr-invoice_draft-")
                .hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void tenantEnvironmentOperationAndBusinessKeyEachChangeTheKey() {
        String key = IdempotencyKeys.derive(ACME, "invoice_draft", "2026-12");

        assertThat(IdempotencyKeys.derive(
                        new CallContext("globex", "prod", "billing", "c1"), "invoice_draft", "2026-12"))
                .isNotEqualTo(key);
        assertThat(IdempotencyKeys.derive(new CallContext("acme", "dev", "billing", "c1"), "invoice_draft", "2026-12"))
                .isNotEqualTo(key);
        assertThat(IdempotencyKeys.derive(ACME, "record_usage", "2026-12")).isNotEqualTo(key);
        assertThat(IdempotencyKeys.derive(ACME, "invoice_draft", "2027-01")).isNotEqualTo(key);
    }

    @Test
    void partsCannotBeShiftedIntoEachOther() {
        assertThat(IdempotencyKeys.derive(new CallContext("a|b", "c", "i", "x"), "op", "k"))
                .isNotEqualTo(IdempotencyKeys.derive(new CallContext("a", "b|c", "i", "x"), "op", "k"));
    }

    @Test
    void neitherTheTenantNorTheBusinessKeyShowInTheKey() {
        assertThat(IdempotencyKeys.derive(ACME, "create_customer", "jenny@example.com"))
                .doesNotContain("acme")
                .doesNotContain("jenny");
    }

    @Test
    void aMissingBusinessKeyIsRefused() {
        assertThat(catchThrowableOfType(
                                () -> IdempotencyKeys.derive(ACME, "create_customer", null), PaymentsException.class)
                        .code())
                .isEqualTo(PaymentsErrorCode.PAYMENTS_REQUEST_INVALID);
        assertThat(catchThrowableOfType(
                                () -> IdempotencyKeys.derive(ACME, "create_customer", "x".repeat(513)),
                                PaymentsException.class)
                        .code())
                .isEqualTo(PaymentsErrorCode.PAYMENTS_REQUEST_INVALID);
    }
}
