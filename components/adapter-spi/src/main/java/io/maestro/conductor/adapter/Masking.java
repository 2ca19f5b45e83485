package io.maestro.conductor.adapter;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Makes headers and payloads safe to log: values under sensitive names are replaced, secret-looking and personal
 * text inside strings (key=value secrets, bearer tokens, AWS key ids, Stripe keys, credentials in URLs, e-mail
 * addresses, card numbers)
 * is masked, and bodies are shortened. Streams are never read (that would consume them).
 */
public final class Masking {

    public static final String MASK = "****";
    private static final int MAX_PAYLOAD_CHARS = 256;
    /**
     * How much of a long payload is masked: what is shown plus a margin longer than any e-mail address (254) or
     * card number, so whatever starts in the shown part is whole when the patterns see it. The rest is never shown,
     * and masking it would cost every logged call time in proportion to its body.
     */
    private static final int MASKED_PAYLOAD_CHARS = MAX_PAYLOAD_CHARS + 256;

    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "(?i).*(authorization|password|passwd|secret|token|credential|api[-_]?key|access[-_]?key|cookie|signature|private).*");
    /** key=value or "key": "value" pairs whose key looks sensitive, inside free text. */
    private static final Pattern SENSITIVE_PAIR = Pattern.compile(
            "(?i)((?:authorization|password|passwd|secret|token|credential|api[-_]?key|access[-_]?key|signature|"
                    + "x-amz-signature|x-goog-signature|x-amz-credential|x-goog-credential)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "([^\"'&\\s,;]+)");

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b");
    /** Stripe secret, restricted and publishable keys, and webhook signing secrets. */
    private static final Pattern STRIPE_KEY =
            Pattern.compile("\\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]+|\\bwhsec_[A-Za-z0-9]+");

    /** The user info of a URL ({@code scheme://user:password@host}): masked whole, user name included. */
    private static final Pattern URL_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s@]+@");

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** 13 to 19 digits, optionally grouped by single spaces or dashes; masked only when they pass Luhn's check. */
    private static final Pattern CARD_LIKE = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");

    private static final int CARD_MIN_DIGITS = 13;
    /** A word every key SENSITIVE_PAIR masks contains (x-amz-signature: signature; api-key: api; ...). */
    private static final String[] PAIR_WORDS = {
        "authorization", "passw", "secret", "token", "credential", "api", "access", "signature"
    };

    private Masking() {}

    /** A copy of the headers with sensitive values masked and every value rendered for logging. */
    public static Map<String, String> mask(Map<String, ?> headers) {
        Map<String, String> masked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> masked.put(name, isSensitiveName(name) ? MASK : maskPayload(value)));
        return masked;
    }

    public static boolean isSensitiveName(String name) {
        return name != null && SENSITIVE_NAME.matcher(name).matches();
    }

    /**
     * Secret-looking and personal parts of free text masked: sensitive key=value pairs, bearer tokens, AWS key ids,
     * Stripe keys, the user info of URLs, e-mail addresses and card numbers.
     */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        // Patterns with a literal part run only where it occurs: most log text has none, and a scan costs each call.
        // The lower-case copy finds at least what the patterns' ASCII-only (?i) finds.
        String lower = text.toLowerCase(Locale.ROOT);
        String masked = text;
        if (lower.contains("bearer")) {
            masked = BEARER.matcher(masked).replaceAll("$1" + MASK);
        }
        if (mayHoldSensitivePair(lower)) {
            masked = SENSITIVE_PAIR.matcher(masked).replaceAll("$1" + MASK);
        }
        if (masked.contains("AKIA") || masked.contains("ASIA")) {
            masked = AWS_ACCESS_KEY_ID.matcher(masked).replaceAll(MASK);
        }
        if (masked.contains("k_live_") || masked.contains("k_test_") || masked.contains("whsec_")) {
            masked = STRIPE_KEY.matcher(masked).replaceAll(MASK);
        }
        if (masked.indexOf('@') >= 0) {
            masked = URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
            masked = EMAIL.matcher(masked).replaceAll(MASK);
        }
        if (!hasDigits(masked, CARD_MIN_DIGITS)) {
            return masked;
        }
        return CARD_LIKE.matcher(masked).replaceAll(match -> passesLuhn(match.group()) ? MASK : match.group());
    }

    /** Whether the text holds one of SENSITIVE_PAIR's key words (api and access stand for their key variants). */
    private static boolean mayHoldSensitivePair(String lower) {
        for (String word : PAIR_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigits(String text, int atLeast) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && ++digits >= atLeast) {
                return true;
            }
        }
        return false;
    }

    /** Luhn's check digit test: every card number passes it, most other long numbers (timestamps, ids) do not. */
    private static boolean passesLuhn(String grouped) {
        int sum = 0;
        boolean doubled = false;
        for (int i = grouped.length() - 1; i >= 0; i--) {
            char c = grouped.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /**
     * For a category whose call bodies are personal content (ticket text, notification variables): a map body
     * rendered as the sorted names of its fields, never their values; anything else as {@link #maskPayload}.
     */
    public static String fieldNames(Object payload) {
        if (payload instanceof Map<?, ?> map) {
            TreeSet<String> keys = new TreeSet<>();
            map.keySet().forEach(key -> keys.add(String.valueOf(key)));
            return "fields " + keys;
        }
        return maskPayload(payload);
    }

    /** A short, masked rendering of a message body or header value. */
    public static String maskPayload(Object payload) {
        if (payload == null) {
            return "null";
        }
        if (payload instanceof InputStream) {
            return "<stream>";
        }
        if (payload instanceof byte[]) {
            return "<" + ((byte[]) payload).length + " bytes>";
        }
        String text = String.valueOf(payload);
        if (text.length() <= MAX_PAYLOAD_CHARS) {
            return maskText(text);
        }
        String masked = maskText(text.substring(0, Math.min(text.length(), MASKED_PAYLOAD_CHARS)));
        return masked.substring(0, Math.min(masked.length(), MAX_PAYLOAD_CHARS)) + "...(" + text.length() + " chars)";
    }
}
