package io.maestro.conductor.notary;

import java.time.Instant;

/**
 * The result of checking an RFC 3161 token against content.
 *
 * @param valid    signed by a timestamping certificate (critical {@code id-kp-timeStamping}), over this content's
 *                 SHA-256, and chaining to a trust anchor when any were given
 * @param anchored the signing certificate chains to one of the given trust anchors
 * @param problem  why not valid, or null
 */
public record TimestampCheck(boolean valid, boolean anchored, Instant genTime, String serial, String problem) {

    static TimestampCheck invalid(String problem) {
        return new TimestampCheck(false, false, null, null, problem);
    }
}
