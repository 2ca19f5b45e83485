package io.maestro.conductor.notary.receipt;

/**
 * The outcome of checking the seals of a tenant's receipts.
 *
 * @param sealed   receipts with a seal, each checked
 * @param unsealed receipts without one yet (the newest, while the sealer catches up, or from before the notary)
 * @param valid    every seal verifies over its receipt as stored now
 * @param firstBad the first receipt whose seal does not verify, or null
 */
public record SealedChainVerification(String tenant, long sealed, long unsealed, boolean valid, BadSeal firstBad) {

    /** @param reason what failed: the signature or the timestamp, and why */
    public record BadSeal(long seq, String id, String keyId, String reason) {}
}
