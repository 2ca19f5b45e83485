package io.maestro.conductor.devkit.review;

import java.util.Locale;

/** The review's rating of an adapter, from its manifest's declared risk and what the scan found. */
public enum RiskRating {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    static RiskRating of(String riskLevel) {
        return valueOf(riskLevel.toUpperCase(Locale.ROOT));
    }

    RiskRating atLeast(RiskRating other) {
        return other.compareTo(this) > 0 ? other : this;
    }

    /** High-risk adapters need a dual-control approval before they become marketplace-ready. */
    public boolean needsDualControl() {
        return compareTo(HIGH) >= 0;
    }
}
