package io.maestro.conductor.registry.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One provenance receipt: who changed which instance how, chained to the tenant's previous receipt.
 *
 * @param seq       position in the tenant's chain, from 1
 * @param changeSet RFC 6902 JSON Patch from the old to the new instance document (config holds secret
 *                  references only, never values)
 * @param prevHash  {@code hash} of receipt {@code seq - 1}, or 64 zeros for the first
 * @param hash      SHA-256 (hex) over the canonical JSON of every other field, {@code prevHash} included
 */
public record Receipt(
        String id,
        String tenant,
        long seq,
        String environment,
        String actor,
        Instant timestamp,
        ReceiptAction action,
        String instance,
        JsonNode changeSet,
        String prevHash,
        String hash) {}
