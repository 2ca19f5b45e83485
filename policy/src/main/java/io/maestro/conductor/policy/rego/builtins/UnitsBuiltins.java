package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.NumberValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code units.parse} ("10K", "1.5Gi", "300m" = 0.3) and {@code units.parse_bytes} ("10KB", "1MiB"),
 * with OPA's suffixes and error messages. parse_bytes truncates to a whole number of bytes.
 */
final class UnitsBuiltins implements BuiltinGroup {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

  /** units.parse: SI (lower or upper case except m/M) and binary suffixes; "m" is milli. */
  private static final Map<String, BigDecimal> SI = Map.ofEntries(
      Map.entry("", BigDecimal.ONE), Map.entry("m", new BigDecimal("0.001")),
      Map.entry("k", THOUSAND), Map.entry("K", THOUSAND), Map.entry("ki", KIBI), Map.entry("Ki", KIBI),
      Map.entry("M", THOUSAND.pow(2)), Map.entry("mi", KIBI.pow(2)), Map.entry("Mi", KIBI.pow(2)),
      Map.entry("g", THOUSAND.pow(3)), Map.entry("G", THOUSAND.pow(3)), Map.entry("gi", KIBI.pow(3)), Map.entry("Gi", KIBI.pow(3)),
      Map.entry("t", THOUSAND.pow(4)), Map.entry("T", THOUSAND.pow(4)), Map.entry("ti", KIBI.pow(4)), Map.entry("Ti", KIBI.pow(4)),
      Map.entry("p", THOUSAND.pow(5)), Map.entry("P", THOUSAND.pow(5)), Map.entry("pi", KIBI.pow(5)), Map.entry("Pi", KIBI.pow(5)),
      Map.entry("e", THOUSAND.pow(6)), Map.entry("E", THOUSAND.pow(6)), Map.entry("ei", KIBI.pow(6)), Map.entry("Ei", KIBI.pow(6)));

  /** units.parse_bytes, matched in lower case. */
  private static final Map<String, BigDecimal> BYTES = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("kb", THOUSAND), Map.entry("k", THOUSAND), Map.entry("kib", KIBI), Map.entry("ki", KIBI),
      Map.entry("mb", THOUSAND.pow(2)), Map.entry("m", THOUSAND.pow(2)), Map.entry("mib", KIBI.pow(2)), Map.entry("mi", KIBI.pow(2)),
      Map.entry("gb", THOUSAND.pow(3)), Map.entry("g", THOUSAND.pow(3)), Map.entry("gib", KIBI.pow(3)), Map.entry("gi", KIBI.pow(3)),
      Map.entry("tb", THOUSAND.pow(4)), Map.entry("t", THOUSAND.pow(4)), Map.entry("tib", KIBI.pow(4)), Map.entry("ti", KIBI.pow(4)),
      Map.entry("pb", THOUSAND.pow(5)), Map.entry("p", THOUSAND.pow(5)), Map.entry("pib", KIBI.pow(5)), Map.entry("pi", KIBI.pow(5)),
      Map.entry("eb", THOUSAND.pow(6)), Map.entry("e", THOUSAND.pow(6)), Map.entry("eib", KIBI.pow(6)), Map.entry("ei", KIBI.pow(6)));

  @Override
  public List<BuiltinSpec> specs() {
    return List.of(
        spec("units.parse", NUM, (ctx, a) -> {
          String s = clean("units.parse", Operands.string("units.parse", a, 1));
          int split = numberEnd(s);
          String amount = s.substring(0, split);
          String unit = s.substring(split);
          if (amount.isEmpty()) throw BuiltinException.failed("units.parse", "no amount provided");
          if (unit.length() > 1) unit = unit.charAt(0) + unit.substring(1).toLowerCase(Locale.ROOT);
          BigDecimal scale = SI.get(unit);
          if (scale == null) throw BuiltinException.failed("units.parse", "unit " + unit + " not recognized");
          return NumberValue.of(number("units.parse", amount, "could not parse amount to a number").multiply(scale));
        }, STR),
        spec("units.parse_bytes", NUM, (ctx, a) -> {
          String s = clean("units.parse_bytes", Operands.string("units.parse_bytes", a, 1)).toLowerCase(Locale.ROOT);
          int split = numberEnd(s);
          String amount = s.substring(0, split);
          String unit = s.substring(split);
          if (amount.isEmpty()) throw BuiltinException.failed("units.parse_bytes", "no byte amount provided");
          BigDecimal scale = BYTES.get(unit);
          if (scale == null) throw BuiltinException.failed("units.parse_bytes", "byte unit " + unit + " not recognized");
          BigDecimal bytes = number("units.parse_bytes", amount, "could not parse byte amount to a number").multiply(scale);
          return NumberValue.of(bytes.toBigInteger());
        }, STR));
  }

  /** Quotes are dropped (OPA accepts "\"10K\""); spaces are refused. */
  private static String clean(String name, String s) {
    String out = s.replace("\"", "");
    if (out.contains(" ")) throw BuiltinException.failed(name, "spaces not allowed in resource strings");
    return out;
  }

  private static int numberEnd(String s) {
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
    return i;
  }

  private static BigDecimal number(String name, String amount, String error) {
    try {
      return new BigDecimal(amount);
    } catch (NumberFormatException e) {
      throw BuiltinException.failed(name, error);
    }
  }
}
