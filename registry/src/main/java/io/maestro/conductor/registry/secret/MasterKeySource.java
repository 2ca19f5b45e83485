package io.maestro.conductor.registry.secret;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Where the master key (the AEAD that wraps every namespace keyset) comes from: a Tink JSON keyset in
 * env {@code CONDUCTOR_MASTER_KEYSET}, or, on the embedded default, a keyset file in the data directory
 * created on first start and readable by its owner only.
 */
public interface MasterKeySource {

    String ENV = "CONDUCTOR_MASTER_KEYSET";
    String FILE_NAME = "master-keyset.json";

    Aead aead();

    /** The env variable when set, else {@code <dataDir>/master-keyset.json}. */
    static MasterKeySource fromEnvOrDataDir(Path dataDir) {
        String json = System.getenv(ENV);
        return json != null && !json.isBlank() ? fromKeysetJson(json) : fromDataDir(dataDir);
    }

    static MasterKeySource fromKeysetJson(String keysetJson) {
        Aead aead = Keysets.aead(Keysets.parse(keysetJson));
        return () -> aead;
    }

    static MasterKeySource fromDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            return fromKeysetJson(OwnerOnlyFile.readOrCreate(file, () -> Keysets.serialize(Keysets.generate())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master keyset in " + dataDir, e);
        }
    }

    /** Tink plumbing shared by the master key and the namespace keys. */
    final class Keysets {

        static {
            try {
                AeadConfig.register();
            } catch (GeneralSecurityException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private Keysets() {}

        static KeysetHandle generate() {
            try {
                return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate an AES-256-GCM keyset", e);
            }
        }

        static Aead aead(KeysetHandle handle) {
            try {
                return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("keyset is not an AEAD keyset", e);
            }
        }

        static KeysetHandle parse(String json) {
            try {
                return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("master keyset is not a valid Tink JSON keyset", e);
            }
        }

        static String serialize(KeysetHandle handle) {
            try {
                return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot serialise keyset", e);
            }
        }
    }
}
