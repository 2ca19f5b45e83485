package io.maestro.conductor.payments.billing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** A calendar month in UTC, written {@code 2026-12}: the unit a tenant is billed for. */
public record BillingPeriod(YearMonth month) {

    public static BillingPeriod parse(String text) {
        return new BillingPeriod(YearMonth.parse(text));
    }

    public static BillingPeriod containing(Instant instant) {
        return new BillingPeriod(YearMonth.from(instant.atZone(ZoneOffset.UTC)));
    }

    public Instant start() {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public BillingPeriod previous() {
        return new BillingPeriod(month.minusMonths(1));
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
