package io.maestro.conductor.policy.rego.builtins;

import java.util.Map;

/**
 * Go's reference-time layouts ({@code "2006-01-02T15:04:05Z07:00"}): the named constants OPA
 * accepts and a port of Go's {@code nextStdChunk}, which splits a layout into literal text and
 * elements. {@link GoTimeFormat} and {@link GoTimeParse} walk a layout with it.
 */
final class GoLayout {
    static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
    static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";

    /** The Go layout constants OPA accepts by name in time.parse_ns and time.format. */
    static final Map<String, String> NAMED = Map.of(
            "ANSIC", "Mon Jan _2 15:04:05 2006",
            "UnixDate", "Mon Jan _2 15:04:05 MST 2006",
            "RubyDate", "Mon Jan 02 15:04:05 -0700 2006",
            "RFC822", "02 Jan 06 15:04 MST",
            "RFC822Z", "02 Jan 06 15:04 -0700",
            "RFC850", "Monday, 02-Jan-06 15:04:05 MST",
            "RFC1123", "Mon, 02 Jan 2006 15:04:05 MST",
            "RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700",
            "RFC3339", RFC3339,
            "RFC3339Nano", RFC3339_NANO);

    static final String[] LONG_MONTHS = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };
    static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    enum Std {
        NONE,
        LONG_MONTH,
        MONTH,
        NUM_MONTH,
        ZERO_MONTH,
        LONG_WEEKDAY,
        WEEKDAY,
        DAY,
        UNDER_DAY,
        ZERO_DAY,
        UNDER_YEARDAY,
        ZERO_YEARDAY,
        HOUR,
        HOUR12,
        ZERO_HOUR12,
        MINUTE,
        ZERO_MINUTE,
        SECOND,
        ZERO_SECOND,
        LONG_YEAR,
        YEAR,
        PM_UPPER,
        PM_LOWER,
        TZ,
        ISO_TZ,
        ISO_SECONDS_TZ,
        ISO_SHORT_TZ,
        ISO_COLON_TZ,
        ISO_COLON_SECONDS_TZ,
        NUM_TZ,
        NUM_SECONDS_TZ,
        NUM_SHORT_TZ,
        NUM_COLON_TZ,
        NUM_COLON_SECONDS_TZ,
        FRAC0,
        FRAC9;

        boolean iso() {
            return this == ISO_TZ
                    || this == ISO_SECONDS_TZ
                    || this == ISO_SHORT_TZ
                    || this == ISO_COLON_TZ
                    || this == ISO_COLON_SECONDS_TZ;
        }

        boolean colon() {
            return this == ISO_COLON_TZ
                    || this == NUM_COLON_TZ
                    || this == ISO_COLON_SECONDS_TZ
                    || this == NUM_COLON_SECONDS_TZ;
        }

        boolean seconds() {
            return this == ISO_SECONDS_TZ
                    || this == NUM_SECONDS_TZ
                    || this == ISO_COLON_SECONDS_TZ
                    || this == NUM_COLON_SECONDS_TZ;
        }

        boolean shortTz() {
            return this == ISO_SHORT_TZ || this == NUM_SHORT_TZ;
        }

        boolean offset() {
            return iso()
                    || this == NUM_TZ
                    || this == NUM_SECONDS_TZ
                    || this == NUM_SHORT_TZ
                    || this == NUM_COLON_TZ
                    || this == NUM_COLON_SECONDS_TZ;
        }
    }

    private static final Std[] ZERO_X = {
        Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE, Std.ZERO_SECOND, Std.YEAR
    };

    /** A literal prefix, one layout element, and the rest of the layout. */
    record Chunk(String prefix, Std std, String element, int fracDigits, char fracSeparator, String suffix) {}

    private GoLayout() {}

    /** A layout named as Go's constants ("RFC3339", "RFC1123", ...) or the layout itself. */
    static String layout(String nameOrLayout) {
        return NAMED.getOrDefault(nameOrLayout, nameOrLayout);
    }

    private static Chunk chunk(String l, int i, Std std, int len) {
        return new Chunk(l.substring(0, i), std, l.substring(i, i + len), 0, '.', l.substring(i + len));
    }

    private static boolean startsWithLower(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** Splits off the literal prefix, the first layout element and the rest, as Go's nextStdChunk. */
    static Chunk next(String l) {
        int n = l.length();
        for (int i = 0; i < n; i++) {
            char c = l.charAt(i);
            switch (c) {
                case 'J' -> {
                    if (l.startsWith("Jan", i)) {
                        if (l.startsWith("January", i)) return chunk(l, i, Std.LONG_MONTH, 7);
                        if (!startsWithLower(l, i + 3)) return chunk(l, i, Std.MONTH, 3);
                    }
                }
                case 'M' -> {
                    if (l.startsWith("Mon", i)) {
                        if (l.startsWith("Monday", i)) return chunk(l, i, Std.LONG_WEEKDAY, 6);
                        if (!startsWithLower(l, i + 3)) return chunk(l, i, Std.WEEKDAY, 3);
                    }
                    if (l.startsWith("MST", i)) return chunk(l, i, Std.TZ, 3);
                }
                case '0' -> {
                    if (i + 1 < n && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6')
                        return chunk(l, i, ZERO_X[l.charAt(i + 1) - '1'], 2);
                    if (i + 2 < n && l.charAt(i + 1) == '0' && l.charAt(i + 2) == '2')
                        return chunk(l, i, Std.ZERO_YEARDAY, 3);
                }
                case '1' -> {
                    if (i + 1 < n && l.charAt(i + 1) == '5') return chunk(l, i, Std.HOUR, 2);
                    return chunk(l, i, Std.NUM_MONTH, 1);
                }
                case '2' -> {
                    if (l.startsWith("2006", i)) return chunk(l, i, Std.LONG_YEAR, 4);
                    return chunk(l, i, Std.DAY, 1);
                }
                case '_' -> {
                    if (i + 1 < n && l.charAt(i + 1) == '2') {
                        if (l.startsWith("2006", i + 1)) return chunk(l, i + 1, Std.LONG_YEAR, 4);
                        return chunk(l, i, Std.UNDER_DAY, 2);
                    }
                    if (i + 2 < n && l.charAt(i + 1) == '_' && l.charAt(i + 2) == '2')
                        return chunk(l, i, Std.UNDER_YEARDAY, 3);
                }
                case '3' -> {
                    return chunk(l, i, Std.HOUR12, 1);
                }
                case '4' -> {
                    return chunk(l, i, Std.MINUTE, 1);
                }
                case '5' -> {
                    return chunk(l, i, Std.SECOND, 1);
                }
                case 'P' -> {
                    if (i + 1 < n && l.charAt(i + 1) == 'M') return chunk(l, i, Std.PM_UPPER, 2);
                }
                case 'p' -> {
                    if (i + 1 < n && l.charAt(i + 1) == 'm') return chunk(l, i, Std.PM_LOWER, 2);
                }
                case '-' -> {
                    if (l.startsWith("-070000", i)) return chunk(l, i, Std.NUM_SECONDS_TZ, 7);
                    if (l.startsWith("-07:00:00", i)) return chunk(l, i, Std.NUM_COLON_SECONDS_TZ, 9);
                    if (l.startsWith("-0700", i)) return chunk(l, i, Std.NUM_TZ, 5);
                    if (l.startsWith("-07:00", i)) return chunk(l, i, Std.NUM_COLON_TZ, 6);
                    if (l.startsWith("-07", i)) return chunk(l, i, Std.NUM_SHORT_TZ, 3);
                }
                case 'Z' -> {
                    if (l.startsWith("Z070000", i)) return chunk(l, i, Std.ISO_SECONDS_TZ, 7);
                    if (l.startsWith("Z07:00:00", i)) return chunk(l, i, Std.ISO_COLON_SECONDS_TZ, 9);
                    if (l.startsWith("Z0700", i)) return chunk(l, i, Std.ISO_TZ, 5);
                    if (l.startsWith("Z07:00", i)) return chunk(l, i, Std.ISO_COLON_TZ, 6);
                    if (l.startsWith("Z07", i)) return chunk(l, i, Std.ISO_SHORT_TZ, 3);
                }
                case '.', ',' -> {
                    if (i + 1 < n && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
                        char ch = l.charAt(i + 1);
                        int j = i + 1;
                        while (j < n && l.charAt(j) == ch) j++;
                        if (!isDigit(l, j)) {
                            return new Chunk(
                                    l.substring(0, i),
                                    ch == '0' ? Std.FRAC0 : Std.FRAC9,
                                    l.substring(i, j),
                                    j - (i + 1),
                                    c,
                                    l.substring(j));
                        }
                    }
                }
                default -> {}
            }
        }
        return new Chunk(l, Std.NONE, "", 0, '.', "");
    }
}
