package io.maestro.conductor.cli;

import io.maestro.conductor.notary.NotaryDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** The TSA root certificates a {@code --tsa-ca} PEM file holds (none when not given). */
final class TsaRoots {

    private TsaRoots() {}

    static String pem(Path file) throws IOException {
        return file == null ? null : Files.readString(file);
    }

    static List<X509Certificate> of(String pem) {
        return pem == null ? List.of() : NotaryDefinitions.certificates(pem);
    }
}
