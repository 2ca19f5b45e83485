package io.maestro.conductor.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentsMaskingTest {

    @Test
    void personalFieldsAreMaskedByName() {
        Map<String, String> masked = PaymentsMasking.maskParams(Map.of(
                "email",
                "a@b.example",
                "name",
                "Jenny Rosen",
                "phone",
                "+15555550100",
                "customer_email",
                "x",
                "description",
                "VIP",
                "event_name",
                "api_calls",
                "currency",
                "usd"));

        assertThat(masked)
                .containsEntry("email", "****")
                .containsEntry("name", "****")
                .containsEntry("phone", "****")
                .containsEntry("customer_email", "****")
                .containsEntry("description", "****")
                .containsEntry("event_name", "api_calls")
                .containsEntry("currency", "usd");
    }

    @Test
    void nestedParametersAreMaskedToo() {
        Map<String, String> masked = PaymentsMasking.maskParams(Map.of(
                "metadata",
                Map.of(
                        "contact_email",
                        "a@b.example",
                        "note",
                        "card 4242424242424242 of jenny@example.com",
                        "plan",
                        "pro"),
                "api_key",
                "sk_test_x"));

        assertThat(masked.get("metadata"))
                .contains("contact_email=****")
                .contains("plan=pro")
                .doesNotContain("4242")
                .doesNotContain("jenny");
        assertThat(masked).containsEntry("api_key", "****");
    }
}
