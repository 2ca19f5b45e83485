package io.maestro.conductor.registry.receipt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.registry.store.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over the canonical JSON (sorted keys, no whitespace) of every receipt field but the hash. */
final class ReceiptHasher {

    static final String GENESIS = "0".repeat(64);

    private ReceiptHasher() {}

    static String hash(Receipt r) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(r)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The exact bytes the hash is taken over. */
    static byte[] canonical(Receipt r) {
        ObjectNode canonical = Json.MAPPER
                .createObjectNode()
                .put("id", r.id())
                .put("tenant", r.tenant())
                .put("seq", r.seq())
                .put("environment", r.environment())
                .put("actor", r.actor())
                .put("timestamp", r.timestamp().toString())
                .put("action", r.action().name())
                .put("instance", r.instance())
                .put("prevHash", r.prevHash());
        canonical.set("changeSet", r.changeSet());
        return Json.write(canonical).getBytes(StandardCharsets.UTF_8);
    }
}
