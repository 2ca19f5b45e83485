package io.maestro.conductor.policy.rego.builtins;

import java.math.BigDecimal;
import java.util.Map;

/** Go's {@code time.ParseDuration}: {@code "1h30m"}, {@code "-1.5h"}, {@code "100ms"}, units ns us µs ms s m h. */
final class GoDuration {
    private static final Map<String, Long> UNITS = Map.of(
            "ns",
            1L,
            "us",
            1_000L,
            "\u00b5s",
            1_000L,
            "\u03bcs",
            1_000L,
            "ms",
            1_000_000L,
            "s",
            1_000_000_000L,
            "m",
            60_000_000_000L,
            "h",
            3_600_000_000_000L);
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {}

    /** Nanoseconds; an error message in Go's words when the text is not a duration. */
    static long parse(String s) {
        String orig = s;
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (s.substring(i).equals("0")) return 0;
        if (i == s.length()) throw invalid(orig);
        BigDecimal total = BigDecimal.ZERO;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            boolean pre = i > start;
            String whole = s.substring(start, i);
            String frac = "";
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int f = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
                frac = s.substring(f, i);
            }
            if (!pre && frac.isEmpty()) throw invalid(orig);
            int u = i;
            while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) i++;
            String unit = s.substring(u, i);
            if (unit.isEmpty())
                throw new IllegalArgumentException("time: missing unit in duration " + RegoText.quote(orig));
            Long scale = UNITS.get(unit);
            if (scale == null) {
                throw new IllegalArgumentException(
                        "time: unknown unit " + RegoText.quote(unit) + " in duration " + RegoText.quote(orig));
            }
            BigDecimal amount = new BigDecimal((whole.isEmpty() ? "0" : whole) + (frac.isEmpty() ? "" : "." + frac));
            total = total.add(amount.multiply(BigDecimal.valueOf(scale)));
            if (total.compareTo(MAX) > 0) throw invalid(orig);
        }
        long ns = total.longValue();
        return negative ? -ns : ns;
    }

    private static IllegalArgumentException invalid(String orig) {
        return new IllegalArgumentException("time: invalid duration " + RegoText.quote(orig));
    }
}
