package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** {@code net.cidr_contains cidr_intersects cidr_is_valid cidr_expand}. */
final class NetBuiltins implements BuiltinGroup {
  /** Largest network {@code net.cidr_expand} lists (a /16 of IPv4). */
  static final int MAX_EXPAND = 65_536;

  @Override
  public List<BuiltinSpec> specs() {
    return List.of(
        spec("net.cidr_contains", BOOL, (ctx, a) -> {
          Cidr net = cidr("net.cidr_contains", Operands.string("net.cidr_contains", a, 1));
          String other = Operands.string("net.cidr_contains", a, 2);
          Cidr inner = Cidr.host(other);
          if (inner == null) inner = cidr("net.cidr_contains", other);
          return BooleanValue.of(net.contains(inner));
        }, STR, STR),
        spec("net.cidr_intersects", BOOL, (ctx, a) -> BooleanValue.of(
            cidr("net.cidr_intersects", Operands.string("net.cidr_intersects", a, 1))
                .intersects(cidr("net.cidr_intersects", Operands.string("net.cidr_intersects", a, 2)))), STR, STR),
        spec("net.cidr_is_valid", BOOL, (ctx, a) ->
            BooleanValue.of(a.get(0) instanceof StringValue s && Cidr.parse(s.value()) != null), ANY),
        spec("net.cidr_expand", SET, (ctx, a) -> {
          Cidr net = cidr("net.cidr_expand", Operands.string("net.cidr_expand", a, 1));
          BigInteger size = net.last().subtract(net.first()).add(BigInteger.ONE);
          if (size.compareTo(BigInteger.valueOf(MAX_EXPAND)) > 0) {
            throw BuiltinException.failed("net.cidr_expand", "network has more than " + MAX_EXPAND + " addresses");
          }
          List<Value> out = new ArrayList<>(size.intValue());
          for (BigInteger ip = net.first(); ip.compareTo(net.last()) <= 0; ip = ip.add(BigInteger.ONE)) {
            out.add(StringValue.of(net.addressText(ip)));
          }
          return SetValue.of(out);
        }, STR));
  }

  private static Cidr cidr(String name, String text) {
    Cidr c = Cidr.parse(text);
    if (c == null) throw BuiltinException.failed(name, "invalid CIDR address: " + text);
    return c;
  }
}
