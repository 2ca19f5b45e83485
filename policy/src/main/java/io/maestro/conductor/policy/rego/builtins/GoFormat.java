package io.maestro.conductor.policy.rego.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Go's {@code fmt.Sprintf} over the operand types OPA's {@code sprintf} hands it: {@link Long} (Go
 * {@code int}), {@link BigInteger} ({@code *big.Int}), {@link Double} ({@code float64}) and
 * {@link String}. Flags {@code # 0 + - space}, width, precision (also {@code *}) and the verbs
 * {@code v d b o O x X c q U e E f F g G s T %} behave as in Go, including its {@code %!verb(type=value)},
 * {@code %!v(MISSING)} and {@code %!(EXTRA ...)} markers.
 */
final class GoFormat {
    private GoFormat() {}

    /** One directive's flags, width and precision. */
    private static final class Directive {
        boolean sharp, zero, plus, minus, space;
        int width = -1;
        int precision = -1;
    }

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int argNum = 0;
        int i = 0;
        int n = format.length();
        while (i < n) {
            int start = i;
            while (i < n && format.charAt(i) != '%') i++;
            out.append(format, start, i);
            if (i >= n) break;
            i++;
            Directive d = new Directive();
            flags:
            while (i < n) {
                switch (format.charAt(i)) {
                    case '#' -> d.sharp = true;
                    case '0' -> d.zero = !d.minus;
                    case '+' -> d.plus = true;
                    case '-' -> {
                        d.minus = true;
                        d.zero = false;
                    }
                    case ' ' -> d.space = true;
                    default -> {
                        break flags;
                    }
                }
                i++;
            }
            if (i < n && format.charAt(i) == '*') {
                i++;
                if (argNum < args.size() && args.get(argNum) instanceof Long w && !tooLarge(w)) {
                    argNum++;
                    d.width = (int) Math.abs(w);
                    if (w < 0) {
                        d.minus = true;
                        d.zero = false;
                    }
                } else {
                    argNum++;
                    out.append("%!(BADWIDTH)");
                }
            } else {
                int w = 0;
                boolean any = false;
                while (i < n && Character.isDigit(format.charAt(i))) {
                    if (tooLarge(w)) { // Go's parsenum: a crazy long number swallows the rest of the format
                        any = false;
                        i = n;
                        break;
                    }
                    w = w * 10 + (format.charAt(i++) - '0');
                    any = true;
                }
                if (any) d.width = w;
            }
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    i++;
                    if (argNum < args.size() && args.get(argNum) instanceof Long p && p >= 0 && !tooLarge(p)) {
                        d.precision = p.intValue();
                    } else {
                        out.append("%!(BADPREC)");
                    }
                    argNum++;
                } else {
                    int p = 0;
                    while (i < n && Character.isDigit(format.charAt(i))) {
                        if (tooLarge(p)) {
                            p = 0;
                            i = n;
                            break;
                        }
                        p = p * 10 + (format.charAt(i++) - '0');
                    }
                    d.precision = p;
                }
            }
            if (i >= n) {
                out.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (argNum >= args.size()) {
                out.append("%!").appendCodePoint(verb).append("(MISSING)");
                continue;
            }
            Object arg = args.get(argNum++);
            if (verb == 'T') {
                out.append(pad(d, typeName(arg), false));
            } else {
                out.append(formatArg(d, verb, arg));
            }
        }
        if (argNum < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = argNum; k < args.size(); k++) {
                if (k > argNum) out.append(", ");
                out.append(typeName(args.get(k))).append('=').append(formatArg(new Directive(), 'v', args.get(k)));
            }
            out.append(')');
        }
        return out.toString();
    }

    /**
     * Go's {@code fmt} refuses a width or precision beyond a million ({@code %!(BADWIDTH)}, {@code %!(BADPREC)}, or
     * {@code %!(NOVERB)} for a literal one), so a format string cannot ask for gigabytes of padding.
     */
    private static boolean tooLarge(long x) {
        return x > 1_000_000 || x < -1_000_000;
    }

    private static String typeName(Object arg) {
        if (arg instanceof Long) return "int";
        if (arg instanceof BigInteger) return "*big.Int";
        if (arg instanceof Double) return "float64";
        return "string";
    }

    private static String formatArg(Directive d, int verb, Object arg) {
        if (arg instanceof Long l) return formatInteger(d, verb, BigInteger.valueOf(l), false);
        if (arg instanceof BigInteger b) return formatInteger(d, verb, b, true);
        if (arg instanceof Double f) return formatFloat(d, verb, f);
        return formatString(d, verb, (String) arg);
    }

    private static String badVerb(int verb, Object arg) {
        String type = arg instanceof BigInteger ? "big.Int" : typeName(arg);
        return "%!" + new String(Character.toChars(verb)) + "(" + type + "=" + formatArg(new Directive(), 'v', arg)
                + ")";
    }

    // ---- integers -------------------------------------------------------------------------------

    private static String formatInteger(Directive d, int verb, BigInteger v, boolean big) {
        switch (verb) {
            case 'v', 'd' -> {
                return integerDigits(d, v, 10, verb);
            }
            case 's' -> {
                return big ? integerDigits(d, v, 10, verb) : badVerb(verb, v.longValue());
            }
            case 'b' -> {
                return integerDigits(d, v, 2, verb);
            }
            case 'o', 'O' -> {
                return integerDigits(d, v, 8, verb);
            }
            case 'x', 'X' -> {
                return integerDigits(d, v, 16, verb);
            }
            case 'c' -> {
                if (big) return badVerb(verb, v);
                return pad(d, validRune(v) ? new String(Character.toChars(v.intValue())) : "\uFFFD", false);
            }
            case 'q' -> {
                if (big) return badVerb(verb, v);
                int cp = validRune(v) ? v.intValue() : 0xFFFD;
                String q = RegoText.quote(new String(Character.toChars(cp)));
                return pad(
                        d,
                        "'"
                                + q.substring(1, q.length() - 1)
                                        .replace("\\\"", "\"")
                                        .replace("'", "\\'") + "'",
                        false);
            }
            case 'U' -> {
                if (big) return badVerb(verb, v);
                String hex = v.toString(16).toUpperCase();
                String u = "U+" + "0".repeat(Math.max(0, Math.max(4, d.precision) - hex.length())) + hex;
                if (d.sharp && validRune(v) && RegoText.isPrintable(v.intValue())) {
                    u += " '" + new String(Character.toChars(v.intValue())) + "'";
                }
                return pad(d, u, false);
            }
            default -> {
                return badVerb(verb, big ? v : (Object) v.longValue());
            }
        }
    }

    private static boolean validRune(BigInteger v) {
        return v.signum() >= 0
                && v.bitLength() <= 21
                && v.intValue() <= 0x10FFFF
                && (v.intValue() < 0xD800 || v.intValue() > 0xDFFF);
    }

    private static String integerDigits(Directive d, BigInteger v, int base, int verb) {
        boolean negative = v.signum() < 0;
        BigInteger u = v.abs();
        int prec;
        if (d.precision >= 0) {
            prec = d.precision;
            if (prec == 0 && u.signum() == 0) return pad(d, "", false);
        } else if (d.zero && d.width >= 0) {
            prec = d.width;
            if (negative || d.plus || d.space) prec--;
        } else {
            prec = 1;
        }
        String digits = u.toString(base);
        if (verb == 'X') digits = digits.toUpperCase();
        StringBuilder s = new StringBuilder();
        if (digits.length() < prec) s.append("0".repeat(prec - digits.length()));
        s.append(digits);
        if (d.sharp) {
            if (base == 2) s.insert(0, "0b");
            else if (base == 8 && s.charAt(0) != '0') s.insert(0, '0');
            else if (base == 16) s.insert(0, verb == 'X' ? "0X" : "0x");
        }
        if (verb == 'O') s.insert(0, "0o");
        if (negative) s.insert(0, '-');
        else if (d.plus) s.insert(0, '+');
        else if (d.space) s.insert(0, ' ');
        return pad(d, s.toString(), false);
    }

    // ---- floats ---------------------------------------------------------------------------------

    private static String formatFloat(Directive d, int verb, double v) {
        int prec;
        char fmt;
        switch (verb) {
            case 'v' -> {
                fmt = 'g';
                prec = d.precision >= 0 ? d.precision : -1;
            }
            case 'g', 'G' -> {
                fmt = (char) verb;
                prec = d.precision >= 0 ? d.precision : -1;
            }
            case 'e', 'E', 'f', 'F' -> {
                fmt = (char) verb;
                prec = d.precision >= 0 ? d.precision : 6;
            }
            default -> {
                return badVerb(verb, v);
            }
        }
        String num = formatFloat(Math.abs(v), fmt, prec);
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        String sign = negative ? "-" : d.plus ? "+" : d.space ? " " : "";
        if (d.zero && d.width >= 0 && !d.minus) {
            int fill = d.width - sign.length() - num.length();
            return sign + (fill > 0 ? "0".repeat(fill) : "") + num;
        }
        return pad(d, sign + num, false);
    }

    /** Decimal digits (no trailing zeros) and the position of the decimal point: value = 0.digits x 10^dp. */
    private record Digits(String d, int dp) {
        static Digits of(BigDecimal value) {
            if (value.signum() == 0) return new Digits("", 0);
            BigDecimal s = value.stripTrailingZeros();
            String digits = s.unscaledValue().toString();
            return new Digits(digits, digits.length() - s.scale());
        }
    }

    /** strconv.FormatFloat(v, fmt, prec, 64) for v >= 0. */
    static String formatFloat(double v, char fmt, int prec) {
        boolean shortest = prec < 0;
        BigDecimal exact = new BigDecimal(v);
        Digits digs;
        if (shortest) {
            digs = Digits.of(v == 0 ? BigDecimal.ZERO : new BigDecimal(Double.toString(v)));
        } else {
            switch (fmt) {
                case 'e', 'E' -> digs = Digits.of(exact.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN)));
                case 'f', 'F' -> digs = Digits.of(exact.setScale(prec, RoundingMode.HALF_EVEN));
                default -> {
                    if (prec == 0) prec = 1;
                    digs = Digits.of(exact.round(new MathContext(prec, RoundingMode.HALF_EVEN)));
                }
            }
        }
        int nd = digs.d().length();
        switch (fmt) {
            case 'e', 'E' -> {
                return fmtE(digs, shortest ? Math.max(nd - 1, 0) : prec, fmt);
            }
            case 'f', 'F' -> {
                return fmtF(digs, shortest ? Math.max(nd - digs.dp(), 0) : prec);
            }
            default -> {
                int eprec = prec;
                if (shortest) prec = nd;
                if (eprec > nd && nd >= digs.dp()) eprec = nd;
                if (shortest) eprec = 6;
                int exp = digs.dp() - 1;
                char e = fmt == 'G' ? 'E' : 'e';
                if (nd > 0 && (exp < -4 || exp >= eprec)) {
                    if (prec > nd) prec = nd;
                    return fmtE(digs, prec - 1, e);
                }
                if (prec > digs.dp()) prec = nd;
                return fmtF(digs, Math.max(prec - digs.dp(), 0));
            }
        }
    }

    private static String fmtE(Digits digs, int prec, char fmt) {
        String d = digs.d();
        StringBuilder s = new StringBuilder();
        s.append(d.isEmpty() ? '0' : d.charAt(0));
        if (prec > 0) {
            s.append('.');
            int m = Math.min(d.length(), prec + 1);
            if (m > 1) s.append(d, 1, m);
            for (int i = Math.max(m, 1); i <= prec; i++) s.append('0');
        }
        s.append(fmt);
        int exp = d.isEmpty() ? 0 : digs.dp() - 1;
        s.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) s.append('0');
        return s.append(exp).toString();
    }

    private static String fmtF(Digits digs, int prec) {
        String d = digs.d();
        StringBuilder s = new StringBuilder();
        if (digs.dp() > 0) {
            int m = Math.min(d.length(), digs.dp());
            s.append(d, 0, m);
            for (int i = m; i < digs.dp(); i++) s.append('0');
        } else {
            s.append('0');
        }
        if (prec > 0) {
            s.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = digs.dp() + i - 1;
                s.append(j >= 0 && j < d.length() ? d.charAt(j) : '0');
            }
        }
        return s.toString();
    }

    // ---- strings --------------------------------------------------------------------------------

    private static String formatString(Directive d, int verb, String s) {
        switch (verb) {
            case 'v', 's' -> {
                if (d.precision >= 0 && s.codePointCount(0, s.length()) > d.precision) {
                    s = s.substring(0, s.offsetByCodePoints(0, d.precision));
                }
                return pad(d, s, d.zero);
            }
            case 'q' -> {
                return pad(d, RegoText.quote(s), d.zero);
            }
            case 'x', 'X' -> {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                int len = d.precision >= 0 ? Math.min(d.precision, bytes.length) : bytes.length;
                StringBuilder hex = new StringBuilder();
                String digits = verb == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
                for (int i = 0; i < len; i++) {
                    if (d.space && i > 0) hex.append(' ');
                    if (d.sharp && (d.space || i == 0)) hex.append(verb == 'x' ? "0x" : "0X");
                    hex.append(digits.charAt((bytes[i] >> 4) & 0xF)).append(digits.charAt(bytes[i] & 0xF));
                }
                return pad(d, hex.toString(), false);
            }
            default -> {
                return badVerb(verb, s);
            }
        }
    }

    /** Pads to the directive's width in runes: left with spaces (or zeros), or right with spaces for '-'. */
    private static String pad(Directive d, String s, boolean zeros) {
        int len = s.codePointCount(0, s.length());
        if (d.width < 0 || len >= d.width) return s;
        String fill = (zeros && !d.minus ? "0" : " ").repeat(d.width - len);
        return d.minus ? s + fill : fill + s;
    }
}
