package io.maestro.conductor.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mode {@code opa} against a real HTTP server on 127.0.0.1 that serves {@link OpaDataApi}. */
class OpaDecisionPointTest {
    private static EmbeddedDecisionPoint embedded;
    private static OpaDataApi api;
    private static OpaDataApiServer server;
    private static OpaDecisionPoint remote;

    @BeforeAll
    static void start() throws Exception {
        embedded = RepositoryBundles.decisionPoint();
        api = new OpaDataApi(embedded);
        server = OpaDataApiServer.start(api, 0);
        remote = new OpaDecisionPoint(OpaSettings.of(server.baseUrl(), Duration.ofSeconds(2), 2), new DecisionLog());
    }

    @AfterAll
    static void stop() {
        remote.close();
        server.close();
        embedded.close();
    }

    @Test
    void remoteDecisionsEqualEmbeddedOnes() {
        for (String path : List.of("residency/decision", "residency/allow", "residency/deny")) {
            for (String input : List.of(Inputs.ALLOWED_WRITE, Inputs.MISMATCHED_WRITE)) {
                Decision local = embedded.decide(DecisionRequest.ofJson(path, input));
                Decision viaHttp = remote.decide(DecisionRequest.ofJson(path, input));

                assertThat(viaHttp.allowed()).isEqualTo(local.allowed());
                assertThat(viaHttp.code()).isEqualTo(local.code());
                assertThat(viaHttp.reasons()).isEqualTo(local.reasons());
                assertThat(viaHttp.result().map(Object::toString))
                        .isEqualTo(local.result().map(Object::toString));
            }
        }
    }

    @Test
    void onAnApplicationsCamelContextItAddsAndRemovesOnlyItsRoute() throws Exception {
        try (CamelContext application = new DefaultCamelContext()) {
            application.start();
            OpaDecisionPoint pdp = new OpaDecisionPoint(
                    application, OpaSettings.of(server.baseUrl(), Duration.ofSeconds(2), 1), new DecisionLog());
            assertThat(application.getRoutes()).hasSize(1);

            assertThat(pdp.decide(DecisionRequest.ofJson("residency/decision", Inputs.ALLOWED_WRITE))
                            .allowed())
                    .isTrue();

            pdp.close();
            assertThat(application.getRoutes()).isEmpty();
            assertThat(application.isStarted()).isTrue();
        }
    }

    @Test
    void theServersDecisionIdIsKept() {
        Decision d = remote.decide(DecisionRequest.ofJson("residency/decision", Inputs.MISMATCHED_WRITE));

        assertThat(d.code()).contains(Decision.RESIDENCY_MISMATCH);
        assertThat(d.decisionId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void undefinedIsUnavailable() {
        Decision d = remote.decide(DecisionRequest.ofJson("residency/nothing_here", Inputs.ALLOWED_WRITE));

        assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
        assertThat(d.result()).isEmpty();
    }

    @Test
    void aServerErrorThenSuccessIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DataApiHandler flaky = (method, path, body) -> calls.incrementAndGet() <= 2
                ? new OpaDataApi.Response(500, "{\"code\":\"internal_error\",\"message\":\"warming up\"}")
                : api.handle(method, path, body);
        try (OpaDataApiServer flakyServer = OpaDataApiServer.start(flaky, 0);
                OpaDecisionPoint pdp = new OpaDecisionPoint(
                        OpaSettings.of(flakyServer.baseUrl(), Duration.ofSeconds(2), 2), new DecisionLog())) {
            Decision d = pdp.decide(DecisionRequest.ofJson("residency/decision", Inputs.ALLOWED_WRITE));

            assertThat(d.allowed()).isTrue();
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void retriesAreBoundedAndEndUnavailable() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DataApiHandler down = (method, path, body) -> {
            calls.incrementAndGet();
            return new OpaDataApi.Response(503, "{\"code\":\"unavailable\",\"message\":\"no\"}");
        };
        try (OpaDataApiServer failing = OpaDataApiServer.start(down, 0);
                OpaDecisionPoint pdp = new OpaDecisionPoint(
                        OpaSettings.of(failing.baseUrl(), Duration.ofSeconds(2), 2), new DecisionLog())) {
            Decision d = pdp.decide(DecisionRequest.ofJson("residency/decision", Inputs.ALLOWED_WRITE));

            assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
            assertThat(d.reasons()).containsExactly("policy service failed: HTTP 503 (unavailable)");
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DataApiHandler counting = (method, path, body) -> {
            calls.incrementAndGet();
            return api.handle(method, path, "{not json");
        };
        try (OpaDataApiServer server400 = OpaDataApiServer.start(counting, 0);
                OpaDecisionPoint pdp = new OpaDecisionPoint(
                        OpaSettings.of(server400.baseUrl(), Duration.ofSeconds(2), 2), new DecisionLog())) {
            Decision d = pdp.decide(DecisionRequest.ofJson("residency/decision", Inputs.ALLOWED_WRITE));

            assertThat(d.reasons()).containsExactly("policy service failed: HTTP 400 (invalid_parameter)");
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void aSlowServerTimesOutUnavailable() throws Exception {
        DataApiHandler slow = (method, path, body) -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return api.handle(method, path, body);
        };
        try (OpaDataApiServer slowServer = OpaDataApiServer.start(slow, 0);
                OpaDecisionPoint pdp = new OpaDecisionPoint(
                        OpaSettings.of(slowServer.baseUrl(), Duration.ofMillis(300), 2), new DecisionLog())) {
            Decision d = pdp.decide(DecisionRequest.ofJson("residency/decision", Inputs.ALLOWED_WRITE));

            assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
            assertThat(d.reasons()).singleElement().asString().contains("Timeout");
            assertThat(d.duration()).isLessThan(Duration.ofMillis(2_000));
        }
    }

    @Test
    void aServerThatIsDownIsUnavailableAfterBoundedRetries() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        try (OpaDecisionPoint pdp = new OpaDecisionPoint(
                OpaSettings.of("http://127.0.0.1:" + freePort, Duration.ofMillis(500), 2), new DecisionLog())) {
            Decision d = pdp.decide(DecisionRequest.ofJson("residency/decision", Inputs.ALLOWED_WRITE));

            assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
            assertThat(d.reasons()).singleElement().asString().contains("Connect");
            assertThat(d.duration()).isLessThan(Duration.ofSeconds(5));
        }
    }
}
