package io.maestro.conductor.bench.identity;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.maestro.conductor.bench.JmhResults;
import io.maestro.conductor.identity.oidc.ClaimMapping;
import io.maestro.conductor.identity.oidc.OidcProvider;
import io.maestro.conductor.identity.oidc.OidcSettings;
import io.maestro.conductor.identity.oidc.ValidatedToken;
import io.maestro.conductor.sandbox.identity.OidcSandbox;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.util.Statistics;

/**
 * OIDC token validation with a warm JWKS, on one thread, SampleTime: {@code validate} is the identity adapter's
 * whole check ({@code OidcProvider.validate}: size, parse, algorithm, key lookup in the cached JWKS, RS256 signature,
 * issuer, audience, validity period) over 64 distinct tokens of mock-oauth2-server (found through discovery, JWKS
 * fetched once in setup). The tokens are presented again and again, as API clients reuse a bearer token, so
 * {@code validate} answers from the verified-token cache (expiry still checked); {@code validateEveryTime} is the same
 * with that cache off: every call verifies the signature. {@code signatureOnly} is the floor any verification pays:
 * parse and verify with one prebuilt RS256 verifier. {@link #main} prints p50/p99 of each, the ratio of
 * {@code validateEveryTime} to the floor, and the p99 target (50 us) for {@code validate}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenValidationBenchmark {

    private static final int TOKENS = 64;
    private static final double TARGET_P99_US = 50.0;

    private OidcSandbox oidc;
    private OidcProvider provider;
    private OidcProvider uncached;
    private JWSVerifier verifier;
    private String[] tokens;
    private int next;

    @Setup
    public void start() throws Exception {
        oidc = OidcSandbox.start();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        OidcSettings settings = OidcSettings.of(oidc.issuer("bench"), "conductor");
        provider = OidcProvider.connect(settings, ClaimMapping.defaults(), http);
        uncached = OidcProvider.connect(settings.withVerifiedCacheChars(0), ClaimMapping.defaults(), http);
        tokens = new String[TOKENS];
        for (int i = 0; i < TOKENS; i++) {
            tokens[i] = oidc.issueToken(
                    "bench",
                    "user-" + i,
                    "conductor",
                    Map.of("roles", List.of("viewer", "operator"), "tenant", "acme", "groups", List.of("staff")),
                    Duration.ofHours(2));
        }
        for (String token : tokens) {
            provider.validate(token); // warms the JWKS cache; throws if the fixture is wrong
            uncached.validate(token);
        }
        RSAKey key =
                (RSAKey) JWKSet.load(new URL(oidc.jwksUrl("bench").toString())).getKeyByKeyId("bench");
        verifier = new RSASSAVerifier(key);
        if (provider.validator().jwksRefreshes() != 1 || uncached.validator().jwksRefreshes() != 1) {
            throw new IllegalStateException("expected one JWKS fetch per provider in setup");
        }
    }

    @TearDown
    public void stop() {
        if (provider.validator().jwksRefreshes() != 1 || uncached.validator().jwksRefreshes() != 1) {
            throw new IllegalStateException("the JWKS was fetched again while measuring: the cache was not warm");
        }
        oidc.close();
    }

    private String nextToken() {
        next = (next + 1) & (TOKENS - 1);
        return tokens[next];
    }

    @Benchmark
    public ValidatedToken validate() {
        return provider.validate(nextToken());
    }

    @Benchmark
    public ValidatedToken validateEveryTime() {
        return uncached.validate(nextToken());
    }

    @Benchmark
    public boolean signatureOnly() throws Exception {
        SignedJWT jwt = SignedJWT.parse(nextToken());
        if (!jwt.verify(verifier)) {
            throw new IllegalStateException("fixture token did not verify");
        }
        return true;
    }

    public static void main(String[] args) throws RunnerException {
        JmhResults results = JmhResults.run(TokenValidationBenchmark.class);
        Statistics validate = results.of("validate");
        Statistics everyTime = results.of("validateEveryTime");
        Statistics floor = results.of("signatureOnly");
        System.out.printf(
                "validate:      p50 = %.2f us, p99 = %.2f us (target p99 <= %.0f us: %s)%n",
                validate.getPercentile(50),
                validate.getPercentile(99),
                TARGET_P99_US,
                validate.getPercentile(99) <= TARGET_P99_US ? "met" : "NOT met");
        System.out.printf(
                "validateEveryTime (no verified-token cache): p50 = %.2f us, p99 = %.2f us%n",
                everyTime.getPercentile(50), everyTime.getPercentile(99));
        System.out.printf(
                "signatureOnly: p50 = %.2f us, p99 = %.2f us%n", floor.getPercentile(50), floor.getPercentile(99));
        System.out.printf(
                "ratio validateEveryTime/signatureOnly = %.2f (p50), %.2f (p99)%n",
                everyTime.getPercentile(50) / floor.getPercentile(50),
                everyTime.getPercentile(99) / floor.getPercentile(99));
    }
}
