package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.Value;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TimeBuiltinsTest {

    private static Value parseNs(String layout, String value) {
        return call("time.parse_ns", s(layout), s(value));
    }

    @Test
    void nowIsTheQueryClock() {
        assertThat(call("time.now_ns")).isEqualTo(n(Calls.NOW));
    }

    @Test
    void rfc3339CoversTheWholeInt64Range() {
        assertThat(call("time.parse_rfc3339_ns", s("1677-09-21T00:12:43.145224192-00:00")))
                .isEqualTo(n(Long.MIN_VALUE));
        assertThat(call("time.parse_rfc3339_ns", s("2262-04-11T23:47:16.854775807-00:00")))
                .isEqualTo(n(Long.MAX_VALUE));
        assertThat(call("time.parse_rfc3339_ns", s("2017-06-02T19:00:00-07:00")))
                .isEqualTo(n(1496455200000000000L));
        assertThat(error("time.parse_rfc3339_ns", s("2262-04-11T23:47:16.854775808-00:00")))
                .hasMessage("time.parse_rfc3339_ns: time outside of valid range");
        assertThat(error("time.parse_rfc3339_ns", s("2017-06-02 19:00:00")))
                .hasMessage(
                        "time.parse_rfc3339_ns: parsing time \"2017-06-02 19:00:00\" as \"2006-01-02T15:04:05Z07:00\": "
                                + "cannot parse \" 19:00:00\" as \"T\"");
    }

    @Test
    void parseNsReadsGoLayoutsAndTheirNames() {
        assertThat(parseNs("2006-01-02", "2020-02-29")).isEqualTo(n(1582934400000000000L));
        assertThat(parseNs("RFC1123Z", "Sat, 29 Feb 2020 13:00:00 +0100")).isEqualTo(n(Calls.NOW));
        assertThat(error("time.parse_ns", s("DateOnly"), s("2020-02-29")).getMessage())
                .as("only the names OPA maps are names")
                .contains("cannot parse \"2020-02-29\" as \"DateOnly\"");
        assertThat(parseNs("Mon Jan _2 15:04:05 2006", "Sat Feb 29 12:00:00 2020"))
                .isEqualTo(n(Calls.NOW));
        assertThat(parseNs("RFC822", "29 Feb 20 12:00 UTC")).isEqualTo(n(Calls.NOW));
        assertThat(parseNs("02/01/2006 3:04PM -0700", "29/02/2020 7:00AM -0500"))
                .isEqualTo(n(Calls.NOW));
        assertThat(parseNs("2006-01-02 15:04:05.000", "2020-02-29 12:00:00.250"))
                .isEqualTo(n(Calls.NOW + 250_000_000L));
        assertThat(parseNs("2006-01-02 15:04:05", "2020-02-29 12:00:00.5"))
                .as("a fraction the layout lacks is still read")
                .isEqualTo(n(Calls.NOW + 500_000_000L));
        assertThat(parseNs("2006 002", "2020 060")).isEqualTo(n(1582934400000000000L));
        assertThat(error("time.parse_ns", s("2006-01-02"), s("2020-02-30")))
                .hasMessage("time.parse_ns: parsing time \"2020-02-30\": day out of range");
        assertThat(error("time.parse_ns", s("2006-01-02"), s("2020-13-01")))
                .hasMessage("time.parse_ns: parsing time \"2020-13-01\": month out of range");
        assertThat(error("time.parse_ns", s("2006-01-02"), s("x")))
                .hasMessage("time.parse_ns: parsing time \"x\" as \"2006-01-02\": cannot parse \"x\" as \"2006\"");
        assertThat(error("time.parse_ns", s("2006-01-02"), s("2020-02-29 extra")))
                .hasMessage("time.parse_ns: parsing time \"2020-02-29 extra\": extra text: \" extra\"");
    }

    @Test
    void durationsFollowGo() {
        assertThat(call("time.parse_duration_ns", s("100ms"))).isEqualTo(n(100_000_000L));
        assertThat(call("time.parse_duration_ns", s("1h30m"))).isEqualTo(n(5_400_000_000_000L));
        assertThat(call("time.parse_duration_ns", s("-1.5h"))).isEqualTo(n(-5_400_000_000_000L));
        assertThat(call("time.parse_duration_ns", s("1µs2ns"))).isEqualTo(n(1002));
        assertThat(call("time.parse_duration_ns", s("0"))).isEqualTo(n(0));
        assertThat(error("time.parse_duration_ns", s("1")))
                .hasMessage("time.parse_duration_ns: time: missing unit in duration \"1\"");
        assertThat(error("time.parse_duration_ns", s("1x")))
                .hasMessage("time.parse_duration_ns: time: unknown unit \"x\" in duration \"1x\"");
        assertThat(error("time.parse_duration_ns", s("h")))
                .hasMessage("time.parse_duration_ns: time: invalid duration \"h\"");
    }

    @Test
    void dateClockWeekdayInAZone() {
        long ns = 1517832000L * 1_000_000_000L;
        assertThat(call("time.clock", arr(n(ns), s("America/New_York")))).isEqualTo(arr(n(7), n(0), n(0)));
        assertThat(call("time.date", n(Calls.NOW))).isEqualTo(arr(n(2020), n(2), n(29)));
        assertThat(call("time.weekday", n(Calls.NOW))).isEqualTo(s("Saturday"));
        assertThat(call("time.date", arr(n(0), s("Asia/Tokyo")))).isEqualTo(arr(n(1970), n(1), n(1)));
        assertThat(call("time.date", n(-1))).isEqualTo(arr(n(1969), n(12), n(31)));
        assertThat(error("time.date", n("1582977600000000000000"))).hasMessage("time.date: timestamp too big");
        assertThat(error("time.weekday", arr(n(0), s("Mars/Olympus"))))
                .hasMessage("time.weekday: unknown time zone Mars/Olympus");
    }

    @Test
    void formatUsesLayoutsZonesAndAbbreviations() {
        assertThat(call("time.format", n(Calls.NOW))).isEqualTo(s("2020-02-29T12:00:00Z"));
        assertThat(call("time.format", arr(n(Calls.NOW + 5), s("UTC"), s(""))))
                .isEqualTo(s("2020-02-29T12:00:00.000000005Z"));
        assertThat(call("time.format", arr(n(Calls.NOW + 123_000_000L), s(""), s("2006-01-02T15:04:05.000Z07:00"))))
                .isEqualTo(s("2020-02-29T12:00:00.123Z"));
        assertThat(call("time.format", arr(n(Calls.NOW), s("America/New_York"), s("RFC1123"))))
                .isEqualTo(s("Sat, 29 Feb 2020 07:00:00 EST"));
        assertThat(call(
                        "time.format",
                        arr(n(Calls.NOW), s("Asia/Kolkata"), s("Jan _2 3:04:05.999PM -07:00 (Monday, 002)"))))
                .isEqualTo(s("Feb 29 5:30:00PM +05:30 (Saturday, 060)"));
    }

    @Test
    void formatAndParseRoundTripThroughGoLayouts() {
        long[] samples = {0L, Calls.NOW, 1705257221593912000L, -86_400_000_000_001L};
        String[] layouts = {
            GoLayout.RFC3339_NANO, "Mon, 02 Jan 2006 15:04:05.000000000 -0700", "20060102150405.999999999Z0700"
        };
        for (long ns : samples) {
            for (String layout : layouts) {
                ZonedDateTime t = Instant.ofEpochSecond(
                                Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L))
                        .atZone(ZoneOffset.ofHours(-3));
                String text = GoTimeFormat.format(t, layout);
                assertThat(parseNs(layout, text)).as(layout + " <- " + text).isEqualTo(n(ns));
            }
        }
    }

    @Test
    void addDateNormalisesLikeGo() {
        assertThat(call("time.add_date", n(1585852421593912000L), n(3), n(9), n(12)))
                .isEqualTo(n(1705257221593912000L));
        long jan31 = 1580428800000000000L; // 2020-01-31T00:00:00Z
        assertThat(call("time.date", call("time.add_date", n(jan31), n(0), n(1), n(0))))
                .isEqualTo(arr(n(2020), n(3), n(2)));
        assertThat(error("time.add_date", n(0), n(2262), n(1), n(1)))
                .hasMessage("time.add_date: time outside of valid range");
    }

    @Test
    void diffCountsCalendarUnits() {
        assertThat(call("time.diff", parseNs("2006-01-02", "2020-02-02"), parseNs("2006-01-02", "2020-03-01")))
                .isEqualTo(arr(n(0), n(0), n(28), n(0), n(0), n(0)));
        assertThat(call("time.diff", parseNs("2006-01-02", "2005-03-01"), parseNs("2006-01-02", "2004-02-29")))
                .isEqualTo(arr(n(1), n(0), n(1), n(0), n(0), n(0)));
        assertThat(call(
                        "time.diff",
                        arr(n(Calls.NOW + 60_000_000_000L), s("UTC")),
                        arr(n(Calls.NOW), s("Asia/Shanghai"))))
                .isEqualTo(arr(n(0), n(0), n(0), n(0), n(1), n(0)));
    }
}
