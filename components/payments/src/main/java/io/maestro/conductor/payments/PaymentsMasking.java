package io.maestro.conductor.payments;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.maestro.conductor.adapter.Masking;

/**
 * Makes payments parameters safe for the call log: personal fields (names, emails, phones, addresses, descriptions)
 * masked by name, and inside any value e-mail addresses, card-like digit runs and Stripe keys masked, on top of the
 * SPI's {@link Masking} (secrets by name, bearer tokens, key=value secrets).
 */
final class PaymentsMasking {

    /** Personal fields by name: contact data anywhere in a name; names and free text as Stripe's own fields. */
    private static final Pattern PERSONAL_NAME = Pattern.compile(
            "(?i).*(email|phone|address|shipping|tax_id).*|(customer_)?(name|description)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** 12 to 19 digits, optionally grouped by spaces or dashes: card and account numbers. */
    private static final Pattern CARD_LIKE = Pattern.compile("\\b\\d(?:[ -]?\\d){11,18}\\b");
    private static final Pattern STRIPE_KEY = Pattern.compile("\\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]+|\\bwhsec_[A-Za-z0-9]+");

    private PaymentsMasking() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> maskParams(Map<String, ?> params) {
        Map<String, String> masked = new TreeMap<>();
        params.forEach((name, value) -> masked.put(name,
                PERSONAL_NAME.matcher(name).matches() || Masking.isSensitiveName(name)
                        ? Masking.MASK
                        : value instanceof Map ? maskParams((Map<String, ?>) value).toString() : maskText(value)));
        return masked;
    }

    static String maskText(Object value) {
        String text = value == null ? "null" : String.valueOf(value);
        text = STRIPE_KEY.matcher(text).replaceAll(Masking.MASK);
        text = EMAIL.matcher(text).replaceAll(Masking.MASK);
        text = CARD_LIKE.matcher(text).replaceAll(Masking.MASK);
        return Masking.maskPayload(text);
    }
}
