package io.maestro.conductor.payments;

import io.maestro.conductor.adapter.Masking;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Makes payments parameters safe for the call log: personal fields (names, emails, phones, addresses, descriptions)
 * and secrets masked by name, and every other value through the SPI's {@link Masking} (e-mail addresses, card
 * numbers, Stripe keys and other secrets inside text).
 */
final class PaymentsMasking {

    /** Personal fields by name: contact data anywhere in a name; names and free text as Stripe's own fields. */
    private static final Pattern PERSONAL_NAME =
            Pattern.compile("(?i).*(email|phone|address|shipping|tax_id).*|(customer_)?(name|description)");

    private PaymentsMasking() {}

    @SuppressWarnings("unchecked")
    static Map<String, String> maskParams(Map<String, ?> params) {
        Map<String, String> masked = new TreeMap<>();
        params.forEach((name, value) -> {
            if (PERSONAL_NAME.matcher(name).matches() || Masking.isSensitiveName(name)) {
                masked.put(name, Masking.MASK);
            } else if (value instanceof Map) {
                masked.put(name, maskParams((Map<String, ?>) value).toString());
            } else {
                masked.put(name, Masking.maskPayload(value));
            }
        });
        return masked;
    }
}
