package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.builtins.GoLayout.Chunk;
import io.maestro.conductor.policy.rego.builtins.GoLayout.Std;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Parses a time against a Go layout, as Go's {@code time.Parse} (OPA's {@code time.parse_ns} and
 * {@code time.parse_rfc3339_ns}), with Go's error texts.
 */
final class GoTimeParse {

    /** Thrown by the parser; the message is Go's ParseError text. */
    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    private GoTimeParse() {}

    /** Parses {@code value} against {@code layout}; without zone information the time is in {@code defaultZone}. */
    static ZonedDateTime parse(String layout, String value, ZoneId defaultZone) throws ParseException {
        final String alayout = layout;
        final String avalue = value;
        int year = 0;
        int month = -1;
        int day = -1;
        int yday = -1;
        int hour = 0;
        int min = 0;
        int sec = 0;
        int nsec = 0;
        boolean pmSet = false;
        boolean amSet = false;
        ZoneId zone = null;
        int zoneOffset = Integer.MIN_VALUE;
        boolean zoneNamed = false;
        while (true) {
            Chunk c = GoLayout.next(layout);
            value = skip(value, c.prefix(), alayout, avalue);
            if (c.std() == Std.NONE) {
                if (!value.isEmpty())
                    throw new ParseException("parsing time " + q(avalue) + ": extra text: " + q(value));
                break;
            }
            layout = c.suffix();
            String hold = value;
            String range = null;
            boolean bad = false;
            int[] num;
            switch (c.std()) {
                case YEAR -> {
                    if (value.length() < 2 || !GoLayout.isDigit(value, 0) || !GoLayout.isDigit(value, 1)) {
                        bad = true;
                        break;
                    }
                    year = Integer.parseInt(value.substring(0, 2));
                    year += year >= 69 ? 1900 : 2000;
                    value = value.substring(2);
                }
                case LONG_YEAR -> {
                    if (value.length() < 4
                            || !GoLayout.isDigit(value, 0)
                            || !value.substring(0, 4).chars().allMatch(Character::isDigit)) {
                        bad = true;
                        break;
                    }
                    year = Integer.parseInt(value.substring(0, 4));
                    value = value.substring(4);
                }
                case MONTH, LONG_MONTH -> {
                    int idx = lookup(value, c.std() == Std.MONTH ? 3 : 0, GoLayout.LONG_MONTHS);
                    if (idx < 0) {
                        bad = true;
                        break;
                    }
                    month = idx + 1;
                    value = value.substring(c.std() == Std.MONTH ? 3 : GoLayout.LONG_MONTHS[idx].length());
                }
                case WEEKDAY, LONG_WEEKDAY -> {
                    int idx = lookup(value, c.std() == Std.WEEKDAY ? 3 : 0, GoLayout.LONG_DAYS);
                    if (idx < 0) {
                        bad = true;
                        break;
                    }
                    value = value.substring(c.std() == Std.WEEKDAY ? 3 : GoLayout.LONG_DAYS[idx].length());
                }
                case NUM_MONTH, ZERO_MONTH -> {
                    num = getnum(value, c.std() == Std.ZERO_MONTH, 2);
                    if (num == null) {
                        bad = true;
                        break;
                    }
                    month = num[0];
                    value = value.substring(num[1]);
                    if (month <= 0 || month > 12) range = "month";
                }
                case DAY, UNDER_DAY, ZERO_DAY -> {
                    if (c.std() == Std.UNDER_DAY && value.startsWith(" ")) value = value.substring(1);
                    num = getnum(value, c.std() == Std.ZERO_DAY, 2);
                    if (num == null) {
                        bad = true;
                        break;
                    }
                    day = num[0];
                    value = value.substring(num[1]);
                }
                case UNDER_YEARDAY, ZERO_YEARDAY -> {
                    for (int i = 0; i < 2; i++) {
                        if (c.std() == Std.UNDER_YEARDAY && value.startsWith(" ")) value = value.substring(1);
                    }
                    num = getnum(value, c.std() == Std.ZERO_YEARDAY, 3);
                    if (num == null) {
                        bad = true;
                        break;
                    }
                    yday = num[0];
                    value = value.substring(num[1]);
                }
                case HOUR -> {
                    num = getnum(value, false, 2);
                    if (num == null) {
                        bad = true;
                        break;
                    }
                    hour = num[0];
                    value = value.substring(num[1]);
                    if (hour >= 24) range = "hour";
                }
                case HOUR12, ZERO_HOUR12 -> {
                    num = getnum(value, c.std() == Std.ZERO_HOUR12, 2);
                    if (num == null) {
                        bad = true;
                        break;
                    }
                    hour = num[0];
                    value = value.substring(num[1]);
                    if (hour > 12) range = "hour";
                }
                case MINUTE, ZERO_MINUTE -> {
                    num = getnum(value, c.std() == Std.ZERO_MINUTE, 2);
                    if (num == null) {
                        bad = true;
                        break;
                    }
                    min = num[0];
                    value = value.substring(num[1]);
                    if (min >= 60) range = "minute";
                }
                case SECOND, ZERO_SECOND -> {
                    num = getnum(value, c.std() == Std.ZERO_SECOND, 2);
                    if (num == null) {
                        bad = true;
                        break;
                    }
                    sec = num[0];
                    value = value.substring(num[1]);
                    if (sec >= 60) {
                        range = "second";
                        break;
                    }
                    // A fraction in the value but none in the layout is still read, as Go does.
                    if (value.length() >= 2
                            && (value.charAt(0) == '.' || value.charAt(0) == ',')
                            && GoLayout.isDigit(value, 1)) {
                        Std following = GoLayout.next(layout).std();
                        if (following == Std.FRAC0 || following == Std.FRAC9) break;
                        int n = 2;
                        while (n < value.length() && GoLayout.isDigit(value, n)) n++;
                        nsec = nanoseconds(value, n);
                        value = value.substring(n);
                    }
                }
                case PM_UPPER, PM_LOWER -> {
                    if (value.length() < 2) {
                        bad = true;
                        break;
                    }
                    String p = value.substring(0, 2);
                    value = value.substring(2);
                    String pm = c.std() == Std.PM_UPPER ? "PM" : "pm";
                    String am = c.std() == Std.PM_UPPER ? "AM" : "am";
                    if (p.equals(pm)) pmSet = true;
                    else if (p.equals(am)) amSet = true;
                    else bad = true;
                }
                case TZ -> {
                    if (value.startsWith("UTC")) {
                        zone = ZoneOffset.UTC;
                        value = value.substring(3);
                        break;
                    }
                    int n = zoneNameLength(value);
                    if (n <= 0) {
                        bad = true;
                        break;
                    }
                    zoneNamed = true;
                    value = value.substring(n);
                }
                case FRAC0 -> {
                    int ndigit = 1 + c.fracDigits();
                    if (value.length() < ndigit
                            || (value.charAt(0) != '.' && value.charAt(0) != ',')
                            || !value.substring(1, ndigit).chars().allMatch(Character::isDigit)) {
                        bad = true;
                        break;
                    }
                    nsec = nanoseconds(value, ndigit);
                    value = value.substring(ndigit);
                }
                case FRAC9 -> {
                    if (value.length() < 2
                            || (value.charAt(0) != '.' && value.charAt(0) != ',')
                            || !GoLayout.isDigit(value, 1)) break;
                    int i = 0;
                    while (i + 1 < value.length() && GoLayout.isDigit(value, i + 1)) i++;
                    nsec = nanoseconds(value, 1 + i);
                    value = value.substring(1 + i);
                }
                default -> {
                    if (c.std().iso() && value.startsWith("Z")) {
                        value = value.substring(1);
                        zone = ZoneOffset.UTC;
                        break;
                    }
                    int[] parsed = offset(value, c.std());
                    if (parsed == null) {
                        bad = true;
                        break;
                    }
                    zoneOffset = parsed[0];
                    value = value.substring(parsed[1]);
                    if (parsed[2] != 0) range = "time zone offset";
                }
            }
            if (range != null) {
                throw new ParseException("parsing time " + q(avalue) + ": " + range + " out of range");
            }
            if (bad) {
                throw new ParseException("parsing time " + q(avalue) + " as " + q(alayout) + ": cannot parse " + q(hold)
                        + " as " + q(c.element()));
            }
        }
        if (pmSet && hour < 12) hour += 12;
        else if (amSet && hour == 12) hour = 0;
        LocalDate date;
        try {
            if (yday >= 0) {
                date = LocalDate.ofYearDay(year, yday);
                if ((month >= 0 && date.getMonthValue() != month) || (day >= 0 && date.getDayOfMonth() != day)) {
                    throw new ParseException("parsing time " + q(avalue) + ": day-of-year does not match month");
                }
            } else {
                date = LocalDate.of(year, month < 0 ? 1 : month, day < 0 ? 1 : day);
            }
        } catch (DateTimeException e) {
            throw new ParseException("parsing time " + q(avalue) + ": day out of range");
        }
        LocalDateTime local = date.atTime(hour, min, sec, nsec);
        if (zone != null) return local.atZone(zone);
        if (zoneOffset != Integer.MIN_VALUE) return local.atZone(ZoneOffset.ofTotalSeconds(zoneOffset));
        if (zoneNamed) return local.atZone(ZoneOffset.UTC);
        return local.atZone(defaultZone);
    }

    private static String q(String s) {
        return RegoText.quote(s);
    }

    private static String skip(String value, String prefix, String layout, String original) throws ParseException {
        String p = prefix;
        String v = value;
        while (!p.isEmpty()) {
            if (p.charAt(0) == ' ') {
                if (!v.isEmpty() && v.charAt(0) != ' ') throw cannotParse(original, layout, v, prefix);
                p = p.replaceFirst("^ +", "");
                v = v.replaceFirst("^ +", "");
                continue;
            }
            if (v.isEmpty() || v.charAt(0) != p.charAt(0)) throw cannotParse(original, layout, v, prefix);
            p = p.substring(1);
            v = v.substring(1);
        }
        return v;
    }

    private static ParseException cannotParse(String value, String layout, String valueElem, String layoutElem) {
        return new ParseException("parsing time " + q(value) + " as " + q(layout) + ": cannot parse " + q(valueElem)
                + " as " + q(layoutElem));
    }

    /** Case-insensitive match of a name (or its first {@code len} letters) at the start of the value. */
    private static int lookup(String value, int len, String[] names) {
        for (int i = 0; i < names.length; i++) {
            String name = len > 0 ? names[i].substring(0, len) : names[i];
            if (value.length() >= name.length()
                    && value.substring(0, name.length()).equalsIgnoreCase(name)) return i;
        }
        return -1;
    }

    /** Up to {@code max} digits ({@code fixed}: exactly {@code max}); {value, consumed} or null. */
    private static int[] getnum(String s, boolean fixed, int max) {
        int n = 0;
        while (n < max && GoLayout.isDigit(s, n)) n++;
        if (n == 0 || (fixed && n != max)) return null;
        return new int[] {Integer.parseInt(s.substring(0, n)), n};
    }

    private static int nanoseconds(String value, int nbytes) {
        int end = Math.min(nbytes, 10);
        String digits = value.substring(1, end);
        int ns = digits.isEmpty() ? 0 : Integer.parseInt(digits);
        for (int i = 0; i < 10 - end; i++) ns *= 10;
        return ns;
    }

    /** {offset seconds, consumed, out-of-range flag} for the numeric zone forms, or null. */
    private static int[] offset(String v, Std std) {
        String sign;
        String hh;
        String mm = "00";
        String ss = "00";
        int used;
        if (std == Std.ISO_COLON_TZ || std == Std.NUM_COLON_TZ) {
            if (v.length() < 6 || v.charAt(3) != ':') return null;
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(4, 6);
            used = 6;
        } else if (std.shortTz()) {
            if (v.length() < 3) return null;
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            used = 3;
        } else if (std == Std.ISO_COLON_SECONDS_TZ || std == Std.NUM_COLON_SECONDS_TZ) {
            if (v.length() < 9 || v.charAt(3) != ':' || v.charAt(6) != ':') return null;
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(4, 6);
            ss = v.substring(7, 9);
            used = 9;
        } else if (std == Std.ISO_SECONDS_TZ || std == Std.NUM_SECONDS_TZ) {
            if (v.length() < 7) return null;
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(3, 5);
            ss = v.substring(5, 7);
            used = 7;
        } else {
            if (v.length() < 5) return null;
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(3, 5);
            used = 5;
        }
        int[] h = getnum(hh, true, 2);
        int[] m = getnum(mm, true, 2);
        int[] s = getnum(ss, true, 2);
        if (h == null || m == null || s == null) return null;
        if (!sign.equals("+") && !sign.equals("-")) return null;
        int outOfRange = h[0] > 24 || m[0] > 60 || s[0] > 60 ? 1 : 0;
        int off = (h[0] * 60 + m[0]) * 60 + s[0];
        return new int[] {sign.equals("-") ? -off : off, used, outOfRange};
    }

    /** Go's parseTimeZone, without the GMT+h and signed-offset special cases: 3 to 5 capitals. */
    private static int zoneNameLength(String value) {
        if (value.length() < 3) return 0;
        if (value.startsWith("ChST") || value.startsWith("MeST")) return 4;
        if (value.startsWith("GMT")) return 3;
        int n = 0;
        while (n < 6 && n < value.length() && value.charAt(n) >= 'A' && value.charAt(n) <= 'Z') n++;
        switch (n) {
            case 3 -> {
                return 3;
            }
            case 4 -> {
                return value.charAt(3) == 'T' || value.startsWith("WITA") ? 4 : 0;
            }
            case 5 -> {
                return value.charAt(4) == 'T' ? 5 : 0;
            }
            default -> {
                return 0;
            }
        }
    }
}
