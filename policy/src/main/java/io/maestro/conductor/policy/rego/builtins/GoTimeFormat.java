package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.builtins.GoLayout.Chunk;
import io.maestro.conductor.policy.rego.builtins.GoLayout.Std;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats a time with a Go layout, as Go's {@code Time.Format} (OPA's {@code time.format}). */
final class GoTimeFormat {
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private GoTimeFormat() {}

    static String format(ZonedDateTime t, String layout) {
        StringBuilder b = new StringBuilder();
        String l = layout;
        while (!l.isEmpty()) {
            Chunk c = GoLayout.next(l);
            b.append(c.prefix());
            if (c.std() == Std.NONE) break;
            l = c.suffix();
            int hour = t.getHour();
            switch (c.std()) {
                case YEAR -> appendInt(b, Math.abs(t.getYear()) % 100, 2);
                case LONG_YEAR -> appendInt(b, t.getYear(), 4);
                case MONTH -> b.append(GoLayout.LONG_MONTHS[t.getMonthValue() - 1], 0, 3);
                case LONG_MONTH -> b.append(GoLayout.LONG_MONTHS[t.getMonthValue() - 1]);
                case NUM_MONTH -> appendInt(b, t.getMonthValue(), 0);
                case ZERO_MONTH -> appendInt(b, t.getMonthValue(), 2);
                case WEEKDAY -> b.append(weekday(t), 0, 3);
                case LONG_WEEKDAY -> b.append(weekday(t));
                case DAY -> appendInt(b, t.getDayOfMonth(), 0);
                case UNDER_DAY -> {
                    if (t.getDayOfMonth() < 10) b.append(' ');
                    appendInt(b, t.getDayOfMonth(), 0);
                }
                case ZERO_DAY -> appendInt(b, t.getDayOfMonth(), 2);
                case UNDER_YEARDAY -> {
                    int yd = t.getDayOfYear();
                    if (yd < 100) b.append(' ');
                    if (yd < 10) b.append(' ');
                    appendInt(b, yd, 0);
                }
                case ZERO_YEARDAY -> appendInt(b, t.getDayOfYear(), 3);
                case HOUR -> appendInt(b, hour, 2);
                case HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 0);
                case ZERO_HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 2);
                case MINUTE -> appendInt(b, t.getMinute(), 0);
                case ZERO_MINUTE -> appendInt(b, t.getMinute(), 2);
                case SECOND -> appendInt(b, t.getSecond(), 0);
                case ZERO_SECOND -> appendInt(b, t.getSecond(), 2);
                case PM_UPPER -> b.append(hour >= 12 ? "PM" : "AM");
                case PM_LOWER -> b.append(hour >= 12 ? "pm" : "am");
                case TZ -> {
                    String name = zoneAbbreviation(t);
                    if (name != null) {
                        b.append(name);
                    } else {
                        int zone = t.getOffset().getTotalSeconds() / 60;
                        b.append(zone < 0 ? '-' : '+');
                        zone = Math.abs(zone);
                        appendInt(b, zone / 60, 2);
                        appendInt(b, zone % 60, 2);
                    }
                }
                case FRAC0, FRAC9 -> appendNano(b, t.getNano(), c);
                default -> appendOffset(b, t.getOffset().getTotalSeconds(), c.std());
            }
        }
        return b.toString();
    }

    private static String weekday(ZonedDateTime t) {
        return GoLayout.LONG_DAYS[t.getDayOfWeek().getValue() % 7];
    }

    /** Go prints a zone's abbreviation; a bare offset has none, and prints as -0700. */
    private static String zoneAbbreviation(ZonedDateTime t) {
        ZoneId zone = t.getZone();
        if (zone.equals(ZoneOffset.UTC)
                || zone.getId().equals("UTC")
                || zone.getId().equals("Z")) return "UTC";
        if (zone instanceof ZoneOffset) return null;
        return ZONE_ABBREVIATION.format(t);
    }

    private static void appendOffset(StringBuilder b, int offsetSeconds, Std std) {
        if (std.iso() && offsetSeconds == 0) {
            b.append('Z');
            return;
        }
        int zone = offsetSeconds / 60;
        int abs = offsetSeconds;
        if (zone < 0) {
            b.append('-');
            zone = -zone;
            abs = -abs;
        } else {
            b.append('+');
        }
        appendInt(b, zone / 60, 2);
        if (std.colon()) b.append(':');
        if (!std.shortTz()) appendInt(b, zone % 60, 2);
        if (std.seconds()) {
            if (std.colon()) b.append(':');
            appendInt(b, abs % 60, 2);
        }
    }

    private static void appendNano(StringBuilder b, int nanos, Chunk c) {
        boolean trim = c.std() == Std.FRAC9;
        int n = c.fracDigits();
        if (trim && (n == 0 || nanos == 0)) return;
        StringBuilder frac = new StringBuilder().append(c.fracSeparator());
        String digits = String.format("%09d", nanos);
        frac.append(digits, 0, Math.min(n, 9));
        if (trim) {
            while (frac.length() > 0 && frac.charAt(frac.length() - 1) == '0') frac.setLength(frac.length() - 1);
            if (frac.length() == 1) return;
        }
        b.append(frac);
    }

    private static void appendInt(StringBuilder b, int x, int width) {
        if (x < 0) {
            b.append('-');
            x = -x;
        }
        String s = Integer.toString(x);
        for (int i = s.length(); i < width; i++) b.append('0');
        b.append(s);
    }
}
