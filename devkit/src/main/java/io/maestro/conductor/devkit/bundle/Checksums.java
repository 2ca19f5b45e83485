package io.maestro.conductor.devkit.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums of a bundle's manifest and jar, and the JSON document that lists them. */
public final class Checksums {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Checksums() {}

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static byte[] document(byte[] manifest, byte[] jar) {
        ObjectNode document = JSON.createObjectNode().put("algorithm", "SHA-256");
        document.putObject("files").put(BundleFiles.MANIFEST, sha256(manifest)).put(BundleFiles.JAR, sha256(jar));
        return document.toString().getBytes(StandardCharsets.UTF_8);
    }
}
