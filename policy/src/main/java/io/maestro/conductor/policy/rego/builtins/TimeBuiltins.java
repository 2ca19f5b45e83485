package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM_ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * {@code time.*}. A time operand is nanoseconds since the epoch, or {@code [ns, "Zone/Name"]}
 * ({@code [ns, zone, layout]} for {@code time.format}); results must fit Go's int64 nanoseconds.
 */
final class TimeBuiltins implements BuiltinGroup {
    private static final BigInteger NANOS = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    /** A time operand resolved: the instant in its zone, and the layout {@code time.format} uses. */
    private record ZonedOperand(ZonedDateTime time, String layout) {}

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec("time.now_ns", NUM, (ctx, a) -> NumberValue.of(ctx.nowNanos())),
                spec(
                        "time.parse_rfc3339_ns",
                        NUM,
                        (ctx, a) -> parse(
                                "time.parse_rfc3339_ns",
                                GoLayout.RFC3339,
                                Operands.string("time.parse_rfc3339_ns", a, 1)),
                        STR),
                spec(
                        "time.parse_ns",
                        NUM,
                        (ctx, a) -> parse(
                                "time.parse_ns",
                                GoLayout.layout(Operands.string("time.parse_ns", a, 1)),
                                Operands.string("time.parse_ns", a, 2)),
                        STR,
                        STR),
                spec(
                        "time.parse_duration_ns",
                        NUM,
                        (ctx, a) -> {
                            try {
                                return NumberValue.of(
                                        GoDuration.parse(Operands.string("time.parse_duration_ns", a, 1)));
                            } catch (IllegalArgumentException e) {
                                throw BuiltinException.failed("time.parse_duration_ns", e.getMessage());
                            }
                        },
                        STR),
                fields("time.date", t -> List.of(t.getYear(), t.getMonthValue(), t.getDayOfMonth())),
                fields("time.clock", t -> List.of(t.getHour(), t.getMinute(), t.getSecond())),
                spec(
                        "time.weekday",
                        STR,
                        (ctx, a) -> StringValue.of(DAYS[
                                zoned("time.weekday", a.get(0))
                                                .time()
                                                .getDayOfWeek()
                                                .getValue()
                                        % 7]),
                        NUM_ARR),
                spec(
                        "time.format",
                        STR,
                        (ctx, a) -> {
                            ZonedOperand t = zoned("time.format", a.get(0));
                            return StringValue.of(GoTimeFormat.format(t.time(), t.layout()));
                        },
                        NUM_ARR),
                spec("time.add_date", NUM, TimeBuiltins::addDate, NUM, NUM, NUM, NUM),
                spec(
                        "time.diff",
                        ARR,
                        (ctx, a) -> diff(
                                zoned("time.diff", a.get(0)).time(),
                                zoned("time.diff", a.get(1)).time()),
                        NUM_ARR,
                        NUM_ARR));
    }

    private static BuiltinSpec fields(String name, Function<ZonedDateTime, List<Integer>> f) {
        return spec(name, ARR, (ctx, a) -> numbers(f.apply(zoned(name, a.get(0)).time())), NUM_ARR);
    }

    private static ArrayValue numbers(List<Integer> ints) {
        return new ArrayValue(ints.stream().map(i -> (Value) NumberValue.of(i)).toList());
    }

    private static Value parse(String name, String layout, String value) {
        ZonedDateTime t;
        try {
            t = GoTimeParse.parse(layout, value, ZoneOffset.UTC);
        } catch (GoTimeParse.ParseException e) {
            throw BuiltinException.failed(name, e.getMessage());
        }
        return NumberValue.of(nanos(name, t.toInstant()));
    }

    /** Nanoseconds since the epoch, or OPA's range error when they do not fit an int64. */
    private static BigInteger nanos(String name, Instant t) {
        BigInteger ns = BigInteger.valueOf(t.getEpochSecond()).multiply(NANOS).add(BigInteger.valueOf(t.getNano()));
        if (ns.compareTo(LONG_MIN) < 0 || ns.compareTo(LONG_MAX) > 0) {
            throw BuiltinException.failed(name, "time outside of valid range");
        }
        return ns;
    }

    private static ZonedOperand zoned(String name, Value v) {
        Value ns;
        ZoneId zone = ZoneOffset.UTC;
        String layout = GoLayout.RFC3339_NANO;
        if (v instanceof ArrayValue arr) {
            if (arr.size() == 0)
                throw Operands.typeError(name, 1, v, "either number (ns) or [number (ns), string (tz)]");
            ns = arr.get(0);
            if (arr.size() > 1) zone = zone(name, Operands.string(name, arr.elements(), 2));
            if (arr.size() > 2) {
                String given = Operands.string(name, arr.elements(), 3);
                layout = given.isEmpty() ? GoLayout.RFC3339_NANO : GoLayout.layout(given);
            }
        } else {
            ns = v;
        }
        if (!(ns instanceof NumberValue n))
            throw Operands.typeError(name, 1, v, "either number (ns) or [number (ns), string (tz)]");
        BigDecimal d = n.value();
        if (!n.isInteger() || !Operands.fitsLong(d)) throw BuiltinException.failed(name, "timestamp too big");
        long nanos = d.longValueExact();
        Instant instant =
                Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        return new ZonedOperand(instant.atZone(zone), layout);
    }

    private static ZoneId zone(String name, String tz) {
        switch (tz) {
            case "", "UTC" -> {
                return ZoneOffset.UTC;
            }
            case "Local" -> {
                return ZoneId.systemDefault();
            }
            default -> {
                try {
                    return ZoneId.of(tz);
                } catch (DateTimeException e) {
                    throw BuiltinException.failed(name, "unknown time zone " + tz);
                }
            }
        }
    }

    /** Go's AddDate: years, months and days added, then normalised (Oct 31 + 1 month = Dec 1). */
    private static Value addDate(BuiltinContext ctx, List<Value> a) {
        String name = "time.add_date";
        ZonedDateTime t = zoned(name, a.get(0)).time();
        long years = Operands.integer(name, a, 2).longValue();
        long months = Operands.integer(name, a, 3).longValue();
        long days = Operands.integer(name, a, 4).longValue();
        try {
            LocalDate date = LocalDate.of(t.getYear(), 1, 1)
                    .plusYears(years)
                    .plusMonths(t.getMonthValue() - 1 + months)
                    .plusDays(t.getDayOfMonth() - 1 + days);
            return NumberValue.of(nanos(name, t.with(date).toInstant()));
        } catch (DateTimeException | ArithmeticException e) {
            throw BuiltinException.failed(name, "time outside of valid range");
        }
    }

    /** OPA's time.diff: calendar difference [y, m, d, h, min, s] between two times, earlier first. */
    private static Value diff(ZonedDateTime x, ZonedDateTime y) {
        ZonedDateTime a = x;
        ZonedDateTime b = y.withZoneSameInstant(x.getZone());
        if (a.isAfter(b)) {
            ZonedDateTime t = a;
            a = b;
            b = t;
        }
        int year = b.getYear() - a.getYear();
        int month = b.getMonthValue() - a.getMonthValue();
        int day = b.getDayOfMonth() - a.getDayOfMonth();
        int hour = b.getHour() - a.getHour();
        int min = b.getMinute() - a.getMinute();
        int sec = b.getSecond() - a.getSecond();
        if (sec < 0) {
            sec += 60;
            min--;
        }
        if (min < 0) {
            min += 60;
            hour--;
        }
        if (hour < 0) {
            hour += 24;
            day--;
        }
        if (day < 0) {
            day += LocalDate.of(a.getYear(), a.getMonthValue(), 1).lengthOfMonth();
            month--;
        }
        if (month < 0) {
            month += 12;
            year--;
        }
        return numbers(List.of(year, month, day, hour, min, sec));
    }
}
