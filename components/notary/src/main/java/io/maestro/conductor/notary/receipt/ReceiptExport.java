package io.maestro.conductor.notary.receipt;

import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.maestro.conductor.notary.Seal;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes a tenant's receipt chain with its seals to a directory that verifies elsewhere with openssl alone (see
 * {@code VERIFY.md} written beside it): per receipt its canonical JSON (whose SHA-256 is its hash, and which names
 * the previous receipt's hash), its RFC 3161 token, its JWS split into the exact signing input and the raw
 * signature, and each signing key as a PEM public key.
 */
public final class ReceiptExport {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 key bytes follow. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final ReceiptLedger ledger;
    private final ReceiptSeals seals;

    public ReceiptExport(ReceiptLedger ledger, ReceiptSeals seals) {
        this.ledger = ledger;
        this.seals = seals;
    }

    /**
     * @param tsaRootsPem the TSA root certificate(s) to write as {@code tsa-ca.pem}, or null
     * @return how many receipts and seals were written
     */
    public Counts write(String tenant, Path dir, String tsaRootsPem) {
        try {
            Path receipts = Files.createDirectories(dir.resolve("receipts"));
            Path keys = Files.createDirectories(dir.resolve("keys"));
            Map<String, Seal> byReceipt = seals.all(tenant);
            List<Receipt> chain = ledger.list(tenant);
            StringBuilder index = new StringBuilder("# seq hash prevHash keyId\n");
            int sealed = 0;
            for (Receipt receipt : chain) {
                String name = String.format("%06d", receipt.seq());
                Files.write(receipts.resolve(name + ".json"), ReceiptLedger.canonical(receipt));
                Seal seal = byReceipt.get(receipt.id());
                index.append(receipt.seq())
                        .append(' ')
                        .append(receipt.hash())
                        .append(' ')
                        .append(receipt.prevHash())
                        .append(' ')
                        .append(seal == null ? "-" : seal.keyId())
                        .append('\n');
                if (seal != null) {
                    sealed++;
                    writeSeal(receipts, keys, name, seal);
                }
            }
            Files.writeString(dir.resolve("chain.txt"), index.toString());
            if (tsaRootsPem != null) {
                Files.writeString(dir.resolve("tsa-ca.pem"), tsaRootsPem, StandardCharsets.US_ASCII);
            }
            try (InputStream instructions = ReceiptExport.class.getResourceAsStream("VERIFY.md")) {
                Files.copy(instructions, dir.resolve("VERIFY.md"), StandardCopyOption.REPLACE_EXISTING);
            }
            return new Counts(chain.size(), sealed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSeal(Path receipts, Path keys, String name, Seal seal) throws IOException {
        Files.write(receipts.resolve(name + ".tst"), seal.timestampToken());
        Files.writeString(receipts.resolve(name + ".jws"), seal.signature(), StandardCharsets.US_ASCII);
        String[] parts = seal.signature().split("\\.", -1);
        // The JWS signs "<header>.<base64url payload>"; the payload is the receipt JSON, detached from the JWS.
        byte[] json = Files.readAllBytes(receipts.resolve(name + ".json"));
        String signingInput = parts[0] + "." + Base64URL.encode(json);
        Files.writeString(receipts.resolve(name + ".signing-input"), signingInput, StandardCharsets.US_ASCII);
        Files.write(receipts.resolve(name + ".sig"), Base64.getUrlDecoder().decode(parts[2]));
        Path key = keys.resolve(seal.keyId() + ".pem");
        if (!Files.exists(key)) {
            Files.writeString(key, publicKeyPem(seal.publicJwk()), StandardCharsets.US_ASCII);
        }
    }

    private static String publicKeyPem(String publicJwk) {
        try {
            byte[] x = OctetKeyPair.parse(publicJwk).getDecodedX();
            byte[] der = new byte[ED25519_SPKI_PREFIX.length + x.length];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, der, 0, ED25519_SPKI_PREFIX.length);
            System.arraycopy(x, 0, der, ED25519_SPKI_PREFIX.length, x.length);
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        } catch (ParseException e) {
            throw new IllegalStateException("a stored seal's public key does not parse", e);
        }
    }

    public record Counts(int receipts, int sealed) {}
}
