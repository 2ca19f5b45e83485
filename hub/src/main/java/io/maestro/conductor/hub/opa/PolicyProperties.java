package io.maestro.conductor.hub.opa;

import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import io.maestro.conductor.policy.pdp.OpaDecisionPoint;
import io.maestro.conductor.policy.pdp.OpaSettings;
import io.maestro.conductor.policy.pdp.PolicySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's policy decision point ({@code conductor.policy.*}). A key this record does not know, or a value that
 * does not fit, stops the start with the setting's name.
 *
 * @param mode              {@code embedded}: the hub's own Rego engine decides; {@code opa}: a remote OPA does
 * @param bundleDirs        Rego bundle folders of the embedded engine; by default {@code residency-policies} and
 *                          {@code governance-policies} beside {@code conductor.tenant-config-dir}
 * @param pollInterval      how often the bundles are checked for changes
 * @param evalTimeout       the bound of one embedded evaluation
 * @param decisionCacheSize decisions of pure queries the embedded engine keeps for reuse; 0 turns the cache off
 * @param opa               the remote OPA of mode {@code opa}
 */
@ConfigurationProperties(prefix = "conductor.policy", ignoreUnknownFields = false)
public record PolicyProperties(
        @DefaultValue("embedded") Mode mode,
        List<Path> bundleDirs,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("1s") Duration evalTimeout,
        @DefaultValue("10000") int decisionCacheSize,
        @DefaultValue Opa opa) {

    public enum Mode {
        EMBEDDED(EmbeddedDecisionPoint.MODE),
        OPA(OpaDecisionPoint.MODE);

        private final String id;

        Mode(String id) {
            this.id = id;
        }
    }

    /**
     * @param url      base URL, e.g. {@code http://127.0.0.1:8181}
     * @param timeout  connect and response timeout of one attempt
     * @param retries  redeliveries after a transient failure
     * @param backoff  delay before the first redelivery, doubled each time
     * @param username HTTP Basic user, with {@code password}
     * @param password its password; never logged
     * @param token    a bearer token instead of Basic
     */
    public record Opa(
            String url,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("2") int retries,
            @DefaultValue("50ms") Duration backoff,
            String username,
            String password,
            String token) {

        OpaSettings settings() {
            return new OpaSettings(
                    url, timeout, retries, backoff, blankToNull(username), blankToNull(password), blankToNull(token));
        }
    }

    public PolicyProperties {
        bundleDirs = bundleDirs == null ? List.of() : List.copyOf(bundleDirs);
        // Built once here (from the parameters: the fields are set after this body) so a wrong value stops the start
        // while the settings are bound, naming the key.
        settings(mode, bundleDirs, pollInterval, evalTimeout, decisionCacheSize, opa, Path.of(""));
    }

    /** The decision point's settings; without {@code bundle-dirs}, the bundles of {@code defaultRoot}. */
    PolicySettings settings(Path defaultRoot) {
        return settings(mode, bundleDirs, pollInterval, evalTimeout, decisionCacheSize, opa, defaultRoot);
    }

    private static PolicySettings settings(
            Mode mode,
            List<Path> bundleDirs,
            Duration pollInterval,
            Duration evalTimeout,
            int decisionCacheSize,
            Opa opa,
            Path defaultRoot) {
        List<Path> dirs = bundleDirs.isEmpty()
                ? PolicyConfiguration.DEFAULT_BUNDLES.stream()
                        .map(defaultRoot::resolve)
                        .toList()
                : bundleDirs.stream()
                        .map(dir -> dir.toAbsolutePath().normalize())
                        .toList();
        return new PolicySettings(
                mode.id,
                dirs,
                pollInterval,
                evalTimeout,
                decisionCacheSize,
                mode == Mode.OPA || opa.url() != null ? opa.settings() : null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
