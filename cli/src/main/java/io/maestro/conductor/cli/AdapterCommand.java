package io.maestro.conductor.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.maestro.conductor.devkit.DevkitException;
import io.maestro.conductor.devkit.bundle.BundleWriter;
import io.maestro.conductor.devkit.bundle.Checksums;
import io.maestro.conductor.devkit.bundle.SigningKeys;
import io.maestro.conductor.devkit.jar.AdapterJar;
import io.maestro.conductor.devkit.jar.AdapterJarCheck;
import io.maestro.conductor.devkit.jar.AdapterJarReader;
import io.maestro.conductor.devkit.manifest.AdapterManifest;
import io.maestro.conductor.devkit.manifest.ManifestValidator;
import io.maestro.conductor.devkit.template.AdapterTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conductor adapter ...}: the partner dev kit's tools (module devkit). Results are JSON on stdout; exit 0 when
 * done, 1 when the input was refused (the refusal's code and violations on stdout), 2 when it could not be checked.
 */
@Command(
        name = "adapter",
        mixinStandardHelpOptions = true,
        description = "Build, check, sign and install partner adapters.",
        subcommands = {
            AdapterCommand.Init.class,
            AdapterCommand.Validate.class,
            AdapterCommand.Keygen.class,
            AdapterCommand.Package.class,
            AdapterInstallCommand.class,
            AdapterSubmitCommand.class
        })
final class AdapterCommand extends CommandGroup {

    /** Runs one dev kit step: a refusal is exit 1 with its JSON on stdout. */
    abstract static class Step implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() throws IOException {
            try {
                spec.commandLine().getOut().println(run());
                return 0;
            } catch (DevkitException e) {
                spec.commandLine().getOut().println(e.toJson().put("valid", false));
                return 1;
            }
        }

        abstract ObjectNode run() throws IOException;
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Scaffold a new adapter (component, endpoint, definitions, manifest, contract test) from the "
                    + "hello example.")
    static final class Init extends Step {

        @Parameters(paramLabel = "NAME", description = "Definition name, e.g. weather-notify.")
        String name;

        @Option(names = "--scheme", required = true, description = "Camel scheme, also the class prefix.")
        String scheme;

        @Option(names = "--package", required = true, description = "Java package, e.g. com.example.weather.")
        String javaPackage;

        @Option(names = "--owner", required = true, description = "Owning team, e.g. partner-example.")
        String owner;

        @Option(names = "--dir", description = "Where to write it; default ./NAME (must be empty or absent).")
        Path dir;

        @Override
        ObjectNode run() {
            Path target = dir != null ? dir : Path.of(name);
            List<Path> files = AdapterTemplate.render(name, scheme, javaPackage, owner, target);
            ObjectNode result = JsonNodeFactory.instance.objectNode().put("directory", target.toString());
            files.forEach(f -> result.withArray("files").add(f.toString()));
            return result;
        }
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Check a manifest and its adapter jar: schema, secret fields, the component, its Camel "
                    + "catalog JSON, definitions and used permissions. The SPI contract test-kit runs in the "
                    + "adapter's own build (mvn verify).")
    static final class Validate extends Step {

        @Option(
                names = "--manifest",
                defaultValue = "conductor-adapter.yaml",
                description = "Default: ${DEFAULT-VALUE}.")
        Path manifest;

        @Option(names = "--jar", description = "The adapter jar; without it only the manifest is checked.")
        Path jar;

        @Override
        ObjectNode run() throws IOException {
            AdapterManifest checked = ManifestValidator.read(manifest);
            ObjectNode result = JsonNodeFactory.instance
                    .objectNode()
                    .put("valid", true)
                    .put("name", checked.name())
                    .put("version", checked.version())
                    .put("scheme", checked.scheme());
            if (jar != null) {
                byte[] jarBytes = Files.readAllBytes(jar);
                AdapterJar read = AdapterJarReader.read(jarBytes);
                AdapterJarCheck.require(checked, read);
                result.put("jarSha256", Checksums.sha256(jarBytes));
                read.usedPermissions().forEach(result.withArray("usedPermissions")::add);
            }
            return result;
        }
    }

    @Command(
            name = "keygen",
            mixinStandardHelpOptions = true,
            description = "Make a bundle signing key (EC P-256 JWK, owner-only file); prints the public key set the "
                    + "hub's operator adds to conductor.adapters.trusted-keys-file.")
    static final class Keygen extends Step {

        @Option(names = "--out", required = true, description = "Private key file to create.")
        Path out;

        @Override
        ObjectNode run() throws IOException {
            ECKey key = SigningKeys.generate();
            Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(out, key.toJSONString());
            return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(new JWKSet(key.toPublicJWK()).toString());
        }
    }

    @Command(
            name = "package",
            mixinStandardHelpOptions = true,
            description = "Validate, then write a signed bundle: manifest + jar + SHA-256 checksums + ES256 signature.")
    static final class Package extends Step {

        @Option(
                names = "--manifest",
                defaultValue = "conductor-adapter.yaml",
                description = "Default: ${DEFAULT-VALUE}.")
        Path manifest;

        @Option(names = "--jar", required = true, description = "The adapter jar.")
        Path jar;

        @Option(names = "--key", required = true, description = "Private signing key (JWK) from `adapter keygen`.")
        Path key;

        @Option(names = "--out", required = true, description = "Bundle file to write.")
        Path out;

        @Override
        ObjectNode run() throws IOException {
            byte[] bundle = BundleWriter.write(
                    Files.readAllBytes(manifest), Files.readAllBytes(jar), SigningKeys.readPrivate(key));
            Files.write(out, bundle);
            return JsonNodeFactory.instance
                    .objectNode()
                    .put("bundle", out.toString())
                    .put("sha256", Checksums.sha256(bundle))
                    .put("keyId", SigningKeys.keyId(SigningKeys.readPrivate(key)));
        }
    }
}
