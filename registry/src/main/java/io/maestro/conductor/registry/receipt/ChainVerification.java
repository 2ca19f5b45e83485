package io.maestro.conductor.registry.receipt;

/**
 * The outcome of checking a tenant's receipt chain.
 *
 * @param checked  how many receipts were read
 * @param firstBad the first receipt that breaks the chain, or {@code null} when valid
 */
public record ChainVerification(String tenant, boolean valid, long checked, BadReceipt firstBad) {

    /**
     * @param seq    the sequence number where the chain breaks
     * @param id     the receipt id at that position ({@code null} when the receipt is missing)
     * @param reason {@code HASH_MISMATCH} (edited), {@code PREV_HASH_MISMATCH} (reordered or a
     *               predecessor deleted), {@code SEQUENCE_GAP} (deleted), {@code HEAD_MISMATCH}
     *               (newest receipts deleted), followed by a sentence
     */
    public record BadReceipt(long seq, String id, String reason) {}
}
