package io.maestro.conductor.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PaymentsMaskingTest {

    @Test
    void personalFieldsAreMaskedByName() {
        Map<String, String> masked = PaymentsMasking.maskParams(Map.of("email", "a@b.example", "name", "Jenny Rosen",
                "phone", "+15555550100", "customer_email", "x", "description", "VIP", "event_name", "api_calls",
                "currency", "usd"));

        assertThat(masked).containsEntry("email", "****").containsEntry("name", "****")
                .containsEntry("phone", "****").containsEntry("customer_email", "****")
                .containsEntry("description", "****")
                .containsEntry("event_name", "api_calls").containsEntry("currency", "usd");
    }

    @Test
    void emailsCardNumbersAndStripeKeysAreMaskedInsideAnyValue() {
        String masked = PaymentsMasking.maskText("note jenny@example.com paid with 4242-4242-4242-4242 and "
                + "4000056655665556, key sk_live_51AbCdEf, rk_test_9Zz, hook whsec_AbC123, amount 2000");

        assertThat(masked).doesNotContain("jenny").doesNotContain("4242").doesNotContain("40000566")
                .doesNotContain("sk_live").doesNotContain("rk_test").doesNotContain("whsec_")
                .contains("amount 2000");
    }

    @Test
    void nestedParametersAreMaskedToo() {
        Map<String, String> masked = PaymentsMasking.maskParams(Map.of("metadata",
                Map.of("contact_email", "a@b.example", "note", "card 4242424242424242", "plan", "pro"),
                "api_key", "sk_test_x"));

        assertThat(masked.get("metadata")).contains("contact_email=****").contains("plan=pro")
                .doesNotContain("4242");
        assertThat(masked).containsEntry("api_key", "****");
    }
}
