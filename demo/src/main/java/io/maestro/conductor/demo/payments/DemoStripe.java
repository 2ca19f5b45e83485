package io.maestro.conductor.demo.payments;

import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The demo's Stripe account: a Stripe sandbox on 127.0.0.1 whose secret key is generated on the first start and
 * kept in {@value #KEY_FILE} of the data dir (owner-only, like every file there), so the demo tenant's secret holds
 * the same key across restarts. The sandbox keeps its objects in memory: every start is an empty account.
 */
public final class DemoStripe implements AutoCloseable {

    static final String KEY_FILE = "demo-stripe-key";

    private final StripeSandbox sandbox;
    private final String key;

    private DemoStripe(StripeSandbox sandbox, String key) {
        this.sandbox = sandbox;
        this.key = key;
    }

    public static DemoStripe start(Path dataDir) {
        String key = rememberedKey(dataDir.resolve(KEY_FILE));
        return new DemoStripe(StripeSandbox.start(key), key);
    }

    private static String rememberedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = "sk_test_demo" + HexFormat.of().formatHex(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key, StandardCharsets.UTF_8);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo Stripe key in " + file, e);
        }
    }

    public StripeSandbox sandbox() {
        return sandbox;
    }

    public String key() {
        return key;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
