package io.maestro.conductor.policy.rego.builtins;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Go's reference-time layouts ({@code "2006-01-02T15:04:05Z07:00"}), formatted and parsed the way
 * Go's time package does, so {@code time.parse_ns} and {@code time.format} read layouts exactly as
 * OPA does. A port of Go's {@code nextStdChunk}, {@code Format} and {@code Parse}.
 */
final class GoTime {
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

  private static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday"};
  private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private enum Std {
    NONE, LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
    UNDER_YEARDAY, ZERO_YEARDAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
    LONG_YEAR, YEAR, PM_UPPER, PM_LOWER, TZ,
    ISO_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_COLON_SECONDS_TZ,
    NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ,
    FRAC0, FRAC9;

    boolean iso() { return this == ISO_TZ || this == ISO_SECONDS_TZ || this == ISO_SHORT_TZ || this == ISO_COLON_TZ || this == ISO_COLON_SECONDS_TZ; }
    boolean colon() { return this == ISO_COLON_TZ || this == NUM_COLON_TZ || this == ISO_COLON_SECONDS_TZ || this == NUM_COLON_SECONDS_TZ; }
    boolean seconds() { return this == ISO_SECONDS_TZ || this == NUM_SECONDS_TZ || this == ISO_COLON_SECONDS_TZ || this == NUM_COLON_SECONDS_TZ; }
    boolean shortTz() { return this == ISO_SHORT_TZ || this == NUM_SHORT_TZ; }
    boolean offset() { return iso() || this == NUM_TZ || this == NUM_SECONDS_TZ || this == NUM_SHORT_TZ || this == NUM_COLON_TZ || this == NUM_COLON_SECONDS_TZ; }
  }

  private static final Std[] ZERO_X = {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE, Std.ZERO_SECOND, Std.YEAR};

  /** A literal prefix, one layout element, and the rest of the layout. */
  private record Chunk(String prefix, Std std, String element, int fracDigits, char fracSeparator, String suffix) {}

  /** Thrown by the parser; the message is Go's ParseError text. */
  static final class ParseException extends Exception {
    ParseException(String message) { super(message, null, false, false); }
  }

  private GoTime() {}

  /** A layout named as Go's constants ("RFC3339", "RFC1123", ...) or the layout itself. */
  static String layout(String nameOrLayout) { return NAMED.getOrDefault(nameOrLayout, nameOrLayout); }

  private static Chunk chunk(String l, int i, Std std, int len) {
    return new Chunk(l.substring(0, i), std, l.substring(i, i + len), 0, '.', l.substring(i + len));
  }

  private static boolean startsWithLower(String s, int i) {
    return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
  }

  private static boolean isDigit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private static Chunk next(String l) {
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
          if (i + 1 < n && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') return chunk(l, i, ZERO_X[l.charAt(i + 1) - '1'], 2);
          if (i + 2 < n && l.charAt(i + 1) == '0' && l.charAt(i + 2) == '2') return chunk(l, i, Std.ZERO_YEARDAY, 3);
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
          if (i + 2 < n && l.charAt(i + 1) == '_' && l.charAt(i + 2) == '2') return chunk(l, i, Std.UNDER_YEARDAY, 3);
        }
        case '3' -> { return chunk(l, i, Std.HOUR12, 1); }
        case '4' -> { return chunk(l, i, Std.MINUTE, 1); }
        case '5' -> { return chunk(l, i, Std.SECOND, 1); }
        case 'P' -> { if (i + 1 < n && l.charAt(i + 1) == 'M') return chunk(l, i, Std.PM_UPPER, 2); }
        case 'p' -> { if (i + 1 < n && l.charAt(i + 1) == 'm') return chunk(l, i, Std.PM_LOWER, 2); }
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
              return new Chunk(l.substring(0, i), ch == '0' ? Std.FRAC0 : Std.FRAC9, l.substring(i, j),
                  j - (i + 1), c, l.substring(j));
            }
          }
        }
        default -> { }
      }
    }
    return new Chunk(l, Std.NONE, "", 0, '.', "");
  }

  // ---- format ---------------------------------------------------------------------------------

  static String format(ZonedDateTime t, String layout) {
    StringBuilder b = new StringBuilder();
    String l = layout;
    while (!l.isEmpty()) {
      Chunk c = next(l);
      b.append(c.prefix());
      if (c.std() == Std.NONE) break;
      l = c.suffix();
      int hour = t.getHour();
      switch (c.std()) {
        case YEAR -> appendInt(b, Math.abs(t.getYear()) % 100, 2);
        case LONG_YEAR -> appendInt(b, t.getYear(), 4);
        case MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1], 0, 3);
        case LONG_MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1]);
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

  private static String weekday(ZonedDateTime t) { return LONG_DAYS[t.getDayOfWeek().getValue() % 7]; }

  /** Go prints a zone's abbreviation; a bare offset has none, and prints as -0700. */
  private static String zoneAbbreviation(ZonedDateTime t) {
    ZoneId zone = t.getZone();
    if (zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC") || zone.getId().equals("Z")) return "UTC";
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

  // ---- parse ----------------------------------------------------------------------------------

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
      Chunk c = next(layout);
      value = skip(value, c.prefix(), alayout, avalue);
      if (c.std() == Std.NONE) {
        if (!value.isEmpty()) throw new ParseException("parsing time " + q(avalue) + ": extra text: " + q(value));
        break;
      }
      layout = c.suffix();
      String hold = value;
      String range = null;
      boolean bad = false;
      int[] num;
      switch (c.std()) {
        case YEAR -> {
          if (value.length() < 2 || !isDigit(value, 0) || !isDigit(value, 1)) { bad = true; break; }
          year = Integer.parseInt(value.substring(0, 2));
          year += year >= 69 ? 1900 : 2000;
          value = value.substring(2);
        }
        case LONG_YEAR -> {
          if (value.length() < 4 || !isDigit(value, 0) || !value.substring(0, 4).chars().allMatch(Character::isDigit)) { bad = true; break; }
          year = Integer.parseInt(value.substring(0, 4));
          value = value.substring(4);
        }
        case MONTH, LONG_MONTH -> {
          int idx = lookup(value, c.std() == Std.MONTH ? 3 : 0, LONG_MONTHS);
          if (idx < 0) { bad = true; break; }
          month = idx + 1;
          value = value.substring(c.std() == Std.MONTH ? 3 : LONG_MONTHS[idx].length());
        }
        case WEEKDAY, LONG_WEEKDAY -> {
          int idx = lookup(value, c.std() == Std.WEEKDAY ? 3 : 0, LONG_DAYS);
          if (idx < 0) { bad = true; break; }
          value = value.substring(c.std() == Std.WEEKDAY ? 3 : LONG_DAYS[idx].length());
        }
        case NUM_MONTH, ZERO_MONTH -> {
          num = getnum(value, c.std() == Std.ZERO_MONTH, 2);
          if (num == null) { bad = true; break; }
          month = num[0];
          value = value.substring(num[1]);
          if (month <= 0 || month > 12) range = "month";
        }
        case DAY, UNDER_DAY, ZERO_DAY -> {
          if (c.std() == Std.UNDER_DAY && value.startsWith(" ")) value = value.substring(1);
          num = getnum(value, c.std() == Std.ZERO_DAY, 2);
          if (num == null) { bad = true; break; }
          day = num[0];
          value = value.substring(num[1]);
        }
        case UNDER_YEARDAY, ZERO_YEARDAY -> {
          for (int i = 0; i < 2; i++) {
            if (c.std() == Std.UNDER_YEARDAY && value.startsWith(" ")) value = value.substring(1);
          }
          num = getnum(value, c.std() == Std.ZERO_YEARDAY, 3);
          if (num == null) { bad = true; break; }
          yday = num[0];
          value = value.substring(num[1]);
        }
        case HOUR -> {
          num = getnum(value, false, 2);
          if (num == null) { bad = true; break; }
          hour = num[0];
          value = value.substring(num[1]);
          if (hour >= 24) range = "hour";
        }
        case HOUR12, ZERO_HOUR12 -> {
          num = getnum(value, c.std() == Std.ZERO_HOUR12, 2);
          if (num == null) { bad = true; break; }
          hour = num[0];
          value = value.substring(num[1]);
          if (hour > 12) range = "hour";
        }
        case MINUTE, ZERO_MINUTE -> {
          num = getnum(value, c.std() == Std.ZERO_MINUTE, 2);
          if (num == null) { bad = true; break; }
          min = num[0];
          value = value.substring(num[1]);
          if (min >= 60) range = "minute";
        }
        case SECOND, ZERO_SECOND -> {
          num = getnum(value, c.std() == Std.ZERO_SECOND, 2);
          if (num == null) { bad = true; break; }
          sec = num[0];
          value = value.substring(num[1]);
          if (sec >= 60) { range = "second"; break; }
          // A fraction in the value but none in the layout is still read, as Go does.
          if (value.length() >= 2 && (value.charAt(0) == '.' || value.charAt(0) == ',') && isDigit(value, 1)) {
            Std following = next(layout).std();
            if (following == Std.FRAC0 || following == Std.FRAC9) break;
            int n = 2;
            while (n < value.length() && isDigit(value, n)) n++;
            nsec = nanoseconds(value, n);
            value = value.substring(n);
          }
        }
        case PM_UPPER, PM_LOWER -> {
          if (value.length() < 2) { bad = true; break; }
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
          if (n <= 0) { bad = true; break; }
          zoneNamed = true;
          value = value.substring(n);
        }
        case FRAC0 -> {
          int ndigit = 1 + c.fracDigits();
          if (value.length() < ndigit || (value.charAt(0) != '.' && value.charAt(0) != ',')
              || !value.substring(1, ndigit).chars().allMatch(Character::isDigit)) { bad = true; break; }
          nsec = nanoseconds(value, ndigit);
          value = value.substring(ndigit);
        }
        case FRAC9 -> {
          if (value.length() < 2 || (value.charAt(0) != '.' && value.charAt(0) != ',') || !isDigit(value, 1)) break;
          int i = 0;
          while (i + 1 < value.length() && isDigit(value, i + 1)) i++;
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
          if (parsed == null) { bad = true; break; }
          zoneOffset = parsed[0];
          value = value.substring(parsed[1]);
          if (parsed[2] != 0) range = "time zone offset";
        }
      }
      if (range != null) {
        throw new ParseException("parsing time " + q(avalue) + ": " + range + " out of range");
      }
      if (bad) {
        throw new ParseException("parsing time " + q(avalue) + " as " + q(alayout) + ": cannot parse "
            + q(hold) + " as " + q(c.element()));
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

  private static String q(String s) { return RegoText.quote(s); }

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
      if (value.length() >= name.length() && value.substring(0, name.length()).equalsIgnoreCase(name)) return i;
    }
    return -1;
  }

  /** Up to {@code max} digits ({@code fixed}: exactly {@code max}); {value, consumed} or null. */
  private static int[] getnum(String s, boolean fixed, int max) {
    int n = 0;
    while (n < max && isDigit(s, n)) n++;
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
      sign = v.substring(0, 1); hh = v.substring(1, 3); mm = v.substring(4, 6); used = 6;
    } else if (std.shortTz()) {
      if (v.length() < 3) return null;
      sign = v.substring(0, 1); hh = v.substring(1, 3); used = 3;
    } else if (std == Std.ISO_COLON_SECONDS_TZ || std == Std.NUM_COLON_SECONDS_TZ) {
      if (v.length() < 9 || v.charAt(3) != ':' || v.charAt(6) != ':') return null;
      sign = v.substring(0, 1); hh = v.substring(1, 3); mm = v.substring(4, 6); ss = v.substring(7, 9); used = 9;
    } else if (std == Std.ISO_SECONDS_TZ || std == Std.NUM_SECONDS_TZ) {
      if (v.length() < 7) return null;
      sign = v.substring(0, 1); hh = v.substring(1, 3); mm = v.substring(3, 5); ss = v.substring(5, 7); used = 7;
    } else {
      if (v.length() < 5) return null;
      sign = v.substring(0, 1); hh = v.substring(1, 3); mm = v.substring(3, 5); used = 5;
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
      case 3 -> { return 3; }
      case 4 -> { return value.charAt(3) == 'T' || value.startsWith("WITA") ? 4 : 0; }
      case 5 -> { return value.charAt(4) == 'T' ? 5 : 0; }
      default -> { return 0; }
    }
  }
}
