package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.NumberValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code units.parse} ("10K", "1.5Gi", "300m" = 0.3, "1e3M") and {@code units.parse_bytes} ("10KB", "1MiB",
 * "2.5e3KB"), with OPA's suffixes and error messages. parse_bytes truncates to a whole number of bytes.
 */
final class UnitsBuiltins implements BuiltinGroup {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);
    private static final int MAX_EXPONENT_DIGITS = 6;
    /** OPA prints a fractional units.parse result with ten decimals (big.Rat's FloatString(10)). */
    private static final int FRACTION_DIGITS = 10;

    private static final String NAME = "units.parse";
    private static final String BYTES_NAME = "units.parse_bytes";

    /** units.parse: SI (lower or upper case except m/M) and binary suffixes; "m" is milli. */
    private static final Map<String, BigDecimal> SI = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", THOUSAND),
            Map.entry("K", THOUSAND),
            Map.entry("ki", KIBI),
            Map.entry("Ki", KIBI),
            Map.entry("M", THOUSAND.pow(2)),
            Map.entry("mi", KIBI.pow(2)),
            Map.entry("Mi", KIBI.pow(2)),
            Map.entry("g", THOUSAND.pow(3)),
            Map.entry("G", THOUSAND.pow(3)),
            Map.entry("gi", KIBI.pow(3)),
            Map.entry("Gi", KIBI.pow(3)),
            Map.entry("t", THOUSAND.pow(4)),
            Map.entry("T", THOUSAND.pow(4)),
            Map.entry("ti", KIBI.pow(4)),
            Map.entry("Ti", KIBI.pow(4)),
            Map.entry("p", THOUSAND.pow(5)),
            Map.entry("P", THOUSAND.pow(5)),
            Map.entry("pi", KIBI.pow(5)),
            Map.entry("Pi", KIBI.pow(5)),
            Map.entry("e", THOUSAND.pow(6)),
            Map.entry("E", THOUSAND.pow(6)),
            Map.entry("ei", KIBI.pow(6)),
            Map.entry("Ei", KIBI.pow(6)));

    /** units.parse_bytes, matched in lower case. */
    private static final Map<String, BigDecimal> BYTES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("kb", THOUSAND),
            Map.entry("k", THOUSAND),
            Map.entry("kib", KIBI),
            Map.entry("ki", KIBI),
            Map.entry("mb", THOUSAND.pow(2)),
            Map.entry("m", THOUSAND.pow(2)),
            Map.entry("mib", KIBI.pow(2)),
            Map.entry("mi", KIBI.pow(2)),
            Map.entry("gb", THOUSAND.pow(3)),
            Map.entry("g", THOUSAND.pow(3)),
            Map.entry("gib", KIBI.pow(3)),
            Map.entry("gi", KIBI.pow(3)),
            Map.entry("tb", THOUSAND.pow(4)),
            Map.entry("t", THOUSAND.pow(4)),
            Map.entry("tib", KIBI.pow(4)),
            Map.entry("ti", KIBI.pow(4)),
            Map.entry("pb", THOUSAND.pow(5)),
            Map.entry("p", THOUSAND.pow(5)),
            Map.entry("pib", KIBI.pow(5)),
            Map.entry("pi", KIBI.pow(5)),
            Map.entry("eb", THOUSAND.pow(6)),
            Map.entry("e", THOUSAND.pow(6)),
            Map.entry("eib", KIBI.pow(6)),
            Map.entry("ei", KIBI.pow(6)));

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        NAME,
                        NUM,
                        (ctx, a) -> {
                            String s = clean(NAME, Operands.string(NAME, a, 1));
                            int split = numberEnd(NAME, s);
                            String amount = s.substring(0, split);
                            String unit = s.substring(split);
                            if (amount.isEmpty()) throw BuiltinException.failed(NAME, "no amount provided");
                            if (unit.length() > 1)
                                unit = unit.charAt(0) + unit.substring(1).toLowerCase(Locale.ROOT);
                            BigDecimal scale = SI.get(unit);
                            if (scale == null) throw BuiltinException.failed(NAME, "unit " + unit + " not recognized");
                            BigDecimal value = number(NAME, amount, "could not parse amount to a number")
                                    .multiply(scale);
                            boolean whole = value.signum() == 0
                                    || value.stripTrailingZeros().scale() <= 0;
                            return NumberValue.of(
                                    whole ? value : value.setScale(FRACTION_DIGITS, RoundingMode.HALF_UP));
                        },
                        STR),
                spec(
                        BYTES_NAME,
                        NUM,
                        (ctx, a) -> {
                            String s = clean(BYTES_NAME, Operands.string(BYTES_NAME, a, 1))
                                    .toLowerCase(Locale.ROOT);
                            int split = numberEnd(BYTES_NAME, s);
                            String amount = s.substring(0, split);
                            String unit = s.substring(split);
                            if (amount.isEmpty()) throw BuiltinException.failed(BYTES_NAME, "no byte amount provided");
                            BigDecimal scale = BYTES.get(unit);
                            if (scale == null)
                                throw BuiltinException.failed(BYTES_NAME, "byte unit " + unit + " not recognized");
                            BigDecimal bytes = number(BYTES_NAME, amount, "could not parse byte amount to a number")
                                    .multiply(scale);
                            return NumberValue.of(bytes.toBigInteger());
                        },
                        STR));
    }

    /** Quotes are dropped (OPA accepts "\"10K\""); spaces are refused. */
    private static String clean(String name, String s) {
        String out = s.replace("\"", "");
        if (out.contains(" ")) throw BuiltinException.failed(name, "spaces not allowed in resource strings");
        return out;
    }

    /**
     * Where the amount ends: digits, dots, signs and a scientific exponent ({@code 1e3}, {@code 2.5E-2}); an
     * {@code e} not followed by a digit or sign starts the unit (exa). OPA refuses exponents of more than six digits.
     */
    private static int numberEnd(String name, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean numeric = Character.isDigit(c) || c == '.' || c == '+' || c == '-';
            if (c == 'e' || c == 'E') {
                char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                if (!Character.isDigit(after) && after != '+' && after != '-') return i;
                if (after == '+' || after == '-') i++;
                int digits = 0;
                while (i + 1 + digits < s.length() && Character.isDigit(s.charAt(i + 1 + digits))) digits++;
                if (digits > MAX_EXPONENT_DIGITS) throw BuiltinException.failed(name, "exponent too large");
            } else if (!numeric) {
                return i;
            }
        }
        return s.length();
    }

    private static BigDecimal number(String name, String amount, String error) {
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw BuiltinException.failed(name, error);
        }
    }
}
