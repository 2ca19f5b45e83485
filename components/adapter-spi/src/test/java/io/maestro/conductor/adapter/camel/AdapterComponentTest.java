package io.maestro.conductor.adapter.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import io.maestro.conductor.adapter.health.AdapterHealthCheck;
import io.maestro.conductor.adapter.health.CallCounts;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import io.maestro.conductor.adapter.testing.ScriptedGate;
import io.maestro.conductor.policy.rego.value.Values;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.extension.ComponentVerifierExtension;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class AdapterComponentTest {

    private static final InstanceRef GREETER = new InstanceRef("acme", "prod", "greeter");

    private final InMemoryInstanceResolver instances = new InMemoryInstanceResolver().put(greeter(1, "hello"));
    private final InMemorySecretResolver secrets =
            new InMemorySecretResolver().put("acme", "prod", "echo-token", "s3cr3t-value");
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private ScriptedGate gate = new ScriptedGate(request -> GovernanceDecision.allow("d-1"));
    private CamelContext camel;
    private EchoComponent echo;

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }

    @Test
    void callsTheBackendAfterTheGateAllowsAndRecordsMetrics() throws Exception {
        start();
        Object reply = template()
                .requestBodyAndHeaders(
                        "echo:say?instance=greeter",
                        "world",
                        Map.of(
                                AdapterHeaders.TENANT,
                                "acme",
                                AdapterHeaders.ENVIRONMENT,
                                "prod",
                                AdapterHeaders.ACTOR,
                                "alice",
                                AdapterHeaders.DATA_REGION,
                                "eu-west-1",
                                AdapterHeaders.DATA_CLASSIFICATION,
                                "confidential"));

        assertThat(reply).isEqualTo("hello world");
        GovernanceRequest asked = gate.requests().get(0);
        assertThat(asked.tenant()).isEqualTo("acme");
        assertThat(asked.actor()).isEqualTo("alice");
        assertThat(asked.action()).isEqualTo("echo.say");
        assertThat(asked.adapter())
                .isEqualTo(new GovernanceRequest.AdapterAttributes(
                        "greeter", "echo", "memory", "high", "confidential", "eu-central-1"));
        assertThat(asked.data()).isEqualTo(new GovernanceRequest.DataAttributes("eu-west-1", "confidential"));
        assertThat(Values.toJson(asked.toInput()).toString())
                .isEqualTo("{\"action\":\"echo.say\",\"actor\":\"alice\","
                        + "\"adapter\":{\"backend\":\"memory\",\"category\":\"echo\",\"dataSensitivity\":\"confidential\","
                        + "\"instance\":\"greeter\",\"region\":\"eu-central-1\",\"riskLevel\":\"high\"},"
                        + "\"data\":{\"classification\":\"confidential\",\"region\":\"eu-west-1\"},"
                        + "\"environment\":\"prod\",\"tenant\":\"acme\"}");

        assertThat(meters.get(AdapterMetrics.REQUESTS)
                        .tags(
                                "tenant",
                                "acme",
                                "environment",
                                "prod",
                                "category",
                                "echo",
                                "instance",
                                "greeter",
                                "operation",
                                "say",
                                "outcome",
                                "success")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get(AdapterMetrics.LATENCY)
                        .tag("outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(AdapterMetrics.LAST_SUCCESS)
                        .tag("instance", "greeter")
                        .gauge()
                        .value())
                .isGreaterThan(1.7e9);
        assertThat(secrets.reads()).containsExactly("acme/prod/greeter echo-token echo.client");
    }

    @Test
    void setsTheDecisionIdAndACorrelationIdOnTheExchange() throws Exception {
        start();
        var exchange = template().request("echo:say?instance=greeter", e -> {
            e.getMessage().setHeader(AdapterHeaders.TENANT, "acme");
            e.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, "prod");
            e.getMessage().setBody("x");
        });
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(AdapterHeaders.DECISION_ID)).isEqualTo("d-1");
        assertThat(exchange.getMessage().getHeader(AdapterHeaders.CORRELATION_ID, String.class))
                .isNotBlank();
    }

    @Test
    void theCallersLoggingContextIsRestoredAfterTheCallSucceedsOrFails() throws Exception {
        start();
        // What an HTTP request's filter put there before its handler called the adapter.
        MDC.put("correlationId", "request-42");
        MDC.put("tenant", "acme");
        try {
            template()
                    .requestBodyAndHeaders(
                            "echo:say?instance=greeter",
                            "x",
                            Map.of(
                                    AdapterHeaders.TENANT,
                                    "acme",
                                    AdapterHeaders.ENVIRONMENT,
                                    "prod",
                                    AdapterHeaders.CORRELATION_ID,
                                    "call-7"));
            assertThat(MDC.get("correlationId")).isEqualTo("request-42");
            assertThat(MDC.get("tenant")).isEqualTo("acme");
            assertThat(MDC.get("instance")).isNull();
            assertThat(MDC.get("decisionId")).isNull();

            gate = new ScriptedGate(request -> GovernanceDecision.deny(SpiErrorCode.POLICY_DENIED, List.of("no"), "d"));
            assertThatThrownBy(() -> template()
                            .requestBodyAndHeaders(
                                    "echo:say?instance=greeter",
                                    "x",
                                    Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod")))
                    .hasCauseInstanceOf(PolicyDeniedException.class);
            assertThat(MDC.get("correlationId")).isEqualTo("request-42");
            assertThat(MDC.get("environment")).isNull();
        } finally {
            MDC.clear();
        }
    }

    @Test
    void aMissingTenantIsAnErrorNeverADefault() throws Exception {
        start();
        assertThatThrownBy(() -> template()
                        .requestBodyAndHeader(
                                "echo:say?instance=greeter&environment=prod",
                                "world",
                                AdapterHeaders.ENVIRONMENT,
                                "prod"))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.TENANT_REQUIRED));
        assertThat(gate.requests()).isEmpty();
    }

    @Test
    void theEndpointEnvironmentIsUsedWhenTheHeaderIsAbsent() throws Exception {
        start();
        assertThat(template()
                        .requestBodyAndHeader(
                                "echo:say?instance=greeter&environment=prod", "there", AdapterHeaders.TENANT, "acme"))
                .isEqualTo("hello there");
    }

    @Test
    void anEndpointReusesItsInstanceReferenceOnlyForTheSameTenantAndEnvironment() throws Exception {
        InstanceRef globex = new InstanceRef("globex", "prod", "greeter");
        instances.put(new ResolvedInstance(
                globex, "echo", "memory", 1, "eu-central-1", "high", "confidential", Map.of("greeting", "hi")));
        start();
        AdapterEndpoint endpoint = camel.getEndpoint("echo:say?instance=greeter", AdapterEndpoint.class);

        InstanceRef first = resolveFor(endpoint, "acme").instance().ref();
        assertThat(resolveFor(endpoint, "acme").instance().ref()).isSameAs(first);
        InstanceRef other = resolveFor(endpoint, "globex").instance().ref();
        assertThat(other).isEqualTo(globex).isNotEqualTo(first);
        assertThat(resolveFor(endpoint, "acme").instance().ref()).isEqualTo(GREETER);
        assertThatThrownBy(() -> resolveFor(endpoint, "bad/tenant"))
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.NAME_INVALID));
        assertThatThrownBy(() -> resolveFor(endpoint, "bad/tenant"))
                .as("an invalid name is never kept")
                .isInstanceOf(AdapterException.class);
    }

    private static Invocation resolveFor(AdapterEndpoint endpoint, String tenant) {
        var exchange = endpoint.createExchange();
        exchange.getMessage().setHeader(AdapterHeaders.TENANT, tenant);
        exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, "prod");
        return endpoint.resolve(exchange, "say");
    }

    @Test
    void anUnknownInstanceIsNotInstalled() throws Exception {
        start();
        assertThatThrownBy(() -> template()
                        .requestBodyAndHeaders(
                                "echo:say?instance=missing",
                                "x",
                                Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod")))
                .cause()
                .isInstanceOfSatisfying(AdapterException.class, e -> {
                    assertThat(e.code()).isEqualTo(SpiErrorCode.ADAPTER_NOT_INSTALLED);
                    assertThat(e.instanceId()).isEqualTo("acme/prod/missing");
                });
    }

    @Test
    void aDenyStopsTheCallBeforeTheBackendAndReachesTheRouteErrorHandler() throws Exception {
        gate = new ScriptedGate(request -> GovernanceDecision.deny(
                SpiErrorCode.RESIDENCY_MISMATCH,
                List.of("data region us-east-1 is not allowed on eu-central-1"),
                "d-42"));
        start(new RouteBuilder() {
            @Override
            public void configure() {
                onException(PolicyDeniedException.class).handled(true).process(exchange -> {
                    PolicyDeniedException denied = exchange.getProperty(
                            org.apache.camel.Exchange.EXCEPTION_CAUGHT, PolicyDeniedException.class);
                    exchange.getMessage().setBody("denied " + denied.code() + " " + denied.decisionId());
                });
                from("direct:upload").to("echo:say?instance=greeter");
            }
        });

        Object reply = template()
                .requestBodyAndHeaders(
                        "direct:upload",
                        "world",
                        Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod"));

        assertThat(reply).isEqualTo("denied RESIDENCY_MISMATCH d-42");
        assertThat(echo.built).isEmpty();
        assertThat(meters.get(AdapterMetrics.ERRORS)
                        .tags("outcome", "denied", "code", "RESIDENCY_MISMATCH")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aDenyCarriesCodeReasonsAndDecisionId() throws Exception {
        gate = new ScriptedGate(
                request -> GovernanceDecision.deny(SpiErrorCode.POLICY_DENIED, List.of("actor may not write"), "d-7"));
        start();
        assertThatThrownBy(() -> template()
                        .requestBodyAndHeaders(
                                "echo:say?instance=greeter",
                                "x",
                                Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod")))
                .cause()
                .isInstanceOfSatisfying(PolicyDeniedException.class, e -> {
                    assertThat(e.code()).isEqualTo(SpiErrorCode.POLICY_DENIED);
                    assertThat(e.reasons()).containsExactly("actor may not write");
                    assertThat(e.decisionId()).isEqualTo("d-7");
                    assertThat(e.instanceId()).isEqualTo("acme/prod/greeter");
                    assertThat(e.getMessage()).contains("d-7").doesNotContain("s3cr3t-value");
                });
    }

    @Test
    void aGateThatGivesNoDecisionMeansNoCall() throws Exception {
        gate = new ScriptedGate(request -> {
            throw new IllegalStateException("decision point down");
        });
        start();
        assertThatThrownBy(() -> template()
                        .requestBodyAndHeaders(
                                "echo:say?instance=greeter",
                                "x",
                                Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod")))
                .cause()
                .isInstanceOfSatisfying(AdapterException.class, e -> {
                    assertThat(e.code()).isEqualTo(SpiErrorCode.POLICY_UNAVAILABLE);
                    assertThat(e.isTransient()).isTrue();
                });
        assertThat(echo.built).isEmpty();
        HealthCheck.Result down = health();
        assertThat(down.getState())
                .as("an instance's fault is not the component's")
                .isEqualTo(HealthCheck.State.UP);
        assertThat(String.valueOf(down.getDetails().get("acme/prod/greeter"))).startsWith("DOWN POLICY_UNAVAILABLE");
        assertThat(down.getDetails()).containsEntry(AdapterHealthCheck.INSTANCES_DOWN, 1L);

        gate = new ScriptedGate(request -> GovernanceDecision.allow("d-2"));
        template()
                .requestBodyAndHeaders(
                        "echo:say?instance=greeter",
                        "x",
                        Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod"));
        assertThat(String.valueOf(health().getDetails().get("acme/prod/greeter")))
                .startsWith("UP success");
        assertThat(health().getDetails()).containsEntry(AdapterHealthCheck.INSTANCES_DOWN, 0L);
    }

    @Test
    void aPolicyDenyDoesNotMakeTheInstanceUnhealthy() throws Exception {
        gate = new ScriptedGate(request -> GovernanceDecision.deny(SpiErrorCode.POLICY_DENIED, List.of("no"), "d"));
        start();
        template()
                .request(
                        "echo:say?instance=greeter",
                        e -> e.getMessage()
                                .setHeaders(Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod")));
        assertThat(health().getDetails()).containsEntry(AdapterHealthCheck.INSTANCES_DOWN, 0L);
    }

    @Test
    void callStatsCountRequestsErrorsAndDenialsPerInstanceUntilDrained() throws Exception {
        start();
        Map<String, Object> acme = Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod");
        template().requestBodyAndHeaders("echo:say?instance=greeter", "a", acme);
        template().requestBodyAndHeaders("echo:say?instance=greeter", "b", acme);
        gate = new ScriptedGate(request -> {
            throw new IllegalStateException("decision point down");
        });
        assertThatThrownBy(() -> template().requestBodyAndHeaders("echo:say?instance=greeter", "c", acme));
        gate = new ScriptedGate(request -> GovernanceDecision.deny(SpiErrorCode.POLICY_DENIED, List.of("no"), "d"));
        template().request("echo:say?instance=greeter", e -> e.getMessage().setHeaders(acme));

        List<CallCounts> drained = echo.health().calls().drain();
        assertThat(drained).hasSize(1);
        CallCounts greeter = drained.get(0);
        assertThat(greeter.instanceId()).isEqualTo("acme/prod/greeter");
        assertThat(greeter.category()).isEqualTo("echo");
        assertThat(greeter.requests())
                .as("a denial is not a request the backend saw")
                .isEqualTo(3);
        assertThat(greeter.errors()).isEqualTo(1);
        assertThat(greeter.denials()).isEqualTo(1);
        assertThat(Arrays.stream(greeter.latencyBuckets()).sum()).isEqualTo(3);
        assertThat(greeter.lastSuccessMillis()).isPositive();
        assertThat(greeter.lastErrorCode()).isEqualTo("POLICY_UNAVAILABLE");
        assertThat(greeter.lastErrorMillis()).isGreaterThanOrEqualTo(greeter.lastSuccessMillis());

        CallCounts again = echo.health().calls().drain().get(0);
        assertThat(again.isEmpty()).as("counts reset by the drain").isTrue();
        assertThat(again.lastErrorCode()).as("the last error is a state, kept").isEqualTo("POLICY_UNAVAILABLE");
    }

    /** Scheme {@code echo-v2}: a second version of the echo adapter, category echo like the first. */
    @org.apache.camel.spi.annotations.Component("echo-v2")
    static final class EchoV2Component extends EchoComponent {}

    @Test
    void twoComponentsOfOneCategoryKeepTheirOwnHealthChecksAndStoppingOneLeavesTheOther() throws Exception {
        start();
        EchoComponent second = new EchoComponent(); // no scheme annotation either: named by its category too
        EchoComponent v2 = new EchoV2Component();
        for (EchoComponent component : List.of(second, v2)) {
            component.setInstanceResolver(instances);
            component.setSecretResolver(secrets);
            component.setGovernanceGate(request -> GovernanceDecision.allow("d-2"));
            component.setMeterRegistry(meters);
        }
        camel.addComponent("echo-again", second);
        camel.addComponent("echo-v2", v2);
        HealthCheckRegistry registry = HealthCheckRegistry.get(camel);

        assertThat(echo.health().getId()).isEqualTo("echo-instances");
        assertThat(second.health().getId()).isEqualTo("echo-instances-2");
        assertThat(v2.health().getId()).isEqualTo("echo-v2-instances");
        assertThat(registry.getCheck("echo-instances-2")).containsSame(second.health());
        assertThat(registry.getCheck("echo-v2-instances")).containsSame(v2.health());

        Map<String, Object> headers = Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod");
        template().requestBodyAndHeaders("echo-again:say?instance=greeter", "a", headers);
        assertThat(registry.getCheck("echo-instances-2").orElseThrow().call().getDetails())
                .containsKey("acme/prod/greeter");

        camel.removeComponent("echo"); // stops the first
        assertThat(echo.isStopped()).isTrue();
        assertThat(registry.getCheck("echo-instances")).isEmpty();
        assertThat(registry.getCheck("echo-instances-2"))
                .as("the other component's check stays")
                .containsSame(second.health());
        assertThat(registry.getCheck("echo-v2-instances")).containsSame(v2.health());
        assertThat(registry.getCheck("echo-instances-2").orElseThrow().call().getDetails())
                .containsKey("acme/prod/greeter")
                .containsEntry(AdapterHealthCheck.INSTANCES_DOWN, 0L);

        camel.removeComponent("echo-v2");
        assertThat(registry.getCheck("echo-v2-instances")).isEmpty();
        assertThat(registry.getCheck("echo-instances-2")).containsSame(second.health());
    }

    /** The component's check: neither liveness nor readiness, so no instance can take the application down. */
    private HealthCheck.Result health() {
        HealthCheck check =
                HealthCheckRegistry.get(camel).getCheck("echo-instances").orElseThrow();
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.isReadiness()).isFalse();
        return check.call();
    }

    @Test
    void aNewConfigVersionBuildsANewDelegateAndClosesTheOldOne() throws Exception {
        start();
        Map<String, Object> headers = Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod");
        template().requestBodyAndHeaders("echo:say?instance=greeter", "a", headers);
        template().requestBodyAndHeaders("echo:say?instance=greeter", "b", headers);
        assertThat(echo.built).hasSize(1);

        instances.put(greeter(2, "hi"));
        assertThat(template().requestBodyAndHeaders("echo:say?instance=greeter", "c", headers))
                .isEqualTo("hi c");

        assertThat(echo.built).hasSize(2);
        assertThat(echo.built.get(0).closed).isTrue();
        assertThat(echo.built.get(1).closed).isFalse();
        assertThat(echo.liveDelegates()).isEqualTo(1);

        camel.close();
        assertThat(echo.built.get(1).closed).isTrue();
    }

    @Test
    void anUninstalledInstancesDelegateIsClosedByTheSweepAndAReinstallBuildsANewOne() throws Exception {
        start();
        Map<String, Object> headers = Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod");
        template().requestBodyAndHeaders("echo:say?instance=greeter", "a", headers);
        assertThat(echo.sweepDelegates()).isZero();
        assertThat(echo.built.get(0).closed).isFalse();

        instances.remove(GREETER);
        assertThat(echo.sweepDelegates()).isEqualTo(1);
        assertThat(echo.built.get(0).closed).isTrue();
        assertThat(echo.liveDelegates()).isZero();

        instances.put(greeter(2, "back"));
        assertThat(template().requestBodyAndHeaders("echo:say?instance=greeter", "b", headers))
                .isEqualTo("back b");
        assertThat(echo.built).hasSize(2);
        assertThat(echo.liveDelegates()).isEqualTo(1);
    }

    @Test
    void theSweepKeepsDelegatesWhenTheRegistryCannotAnswer() throws Exception {
        start();
        Map<String, Object> headers = Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod");
        template().requestBodyAndHeaders("echo:say?instance=greeter", "a", headers);
        echo.setInstanceResolver((ref, category) -> {
            throw new IllegalStateException("registry down");
        });

        assertThat(echo.sweepDelegates()).isZero();
        assertThat(echo.liveDelegates()).isEqualTo(1);
        assertThat(echo.built.get(0).closed).isFalse();
    }

    @Test
    void theSweepRunsOnItsOwnAtTheConfiguredInterval() throws Exception {
        start(20);
        Map<String, Object> headers = Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod");
        template().requestBodyAndHeaders("echo:say?instance=greeter", "a", headers);
        instances.remove(GREETER);

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (echo.liveDelegates() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(echo.liveDelegates()).isZero();
        assertThat(echo.built.get(0).closed).isTrue();
    }

    @Test
    void theVerifierChecksParametersAndProbesTheInstance() throws Exception {
        start();
        ComponentVerifierExtension verifier =
                echo.getExtension(ComponentVerifierExtension.class).orElseThrow();

        var missing = verifier.verify(ComponentVerifierExtension.Scope.PARAMETERS, Map.of("tenant", "acme"));
        assertThat(missing.getStatus()).isEqualTo(ComponentVerifierExtension.Result.Status.ERROR);
        assertThat(missing.getErrors()).hasSize(2);

        Map<String, Object> greeter = Map.of("tenant", "acme", "environment", "prod", "instance", "greeter");
        assertThat(verifier.verify(ComponentVerifierExtension.Scope.CONNECTIVITY, greeter)
                        .getStatus())
                .isEqualTo(ComponentVerifierExtension.Result.Status.OK);

        instances.put(greeter(2, "unreachable"));
        var down = verifier.verify(ComponentVerifierExtension.Scope.CONNECTIVITY, greeter);
        assertThat(down.getStatus()).isEqualTo(ComponentVerifierExtension.Result.Status.ERROR);
        assertThat(down.getErrors().get(0).getDetails()).containsValue("TICK_UNREACHABLE");
        assertThat(down.getErrors().get(0).getCode())
                .isEqualTo(ComponentVerifierExtension.VerificationError.StandardCode.EXCEPTION);

        // Another category's code of kind REFUSED is an authentication error: the verifier knows kinds, not codes.
        instances.put(greeter(3, "refused"));
        var refused = verifier.verify(ComponentVerifierExtension.Scope.CONNECTIVITY, greeter);
        assertThat(refused.getErrors().get(0).getCode())
                .isEqualTo(ComponentVerifierExtension.VerificationError.StandardCode.AUTHENTICATION);
        assertThat(refused.getErrors().get(0).getDetails()).containsValue("TICK_REFUSED");

        var unknown = verifier.verify(
                ComponentVerifierExtension.Scope.CONNECTIVITY,
                Map.of("tenant", "acme", "environment", "prod", "instance", "missing"));
        assertThat(unknown.getErrors().get(0).getDetails()).containsValue("ADAPTER_NOT_INSTALLED");
        assertThat(gate.requests()).isEmpty();
    }

    @Test
    void refusesToStartWithoutAGovernanceGate() {
        camel = new DefaultCamelContext();
        echo = new EchoComponent();
        echo.setInstanceResolver(instances);
        echo.setSecretResolver(secrets);
        camel.addComponent("echo", echo);
        assertThatThrownBy(() -> camel.start())
                .hasRootCauseInstanceOf(AdapterException.class)
                .rootCause()
                .hasMessageContaining("CONFIG_INVALID")
                .hasMessageContaining("GovernanceGate");
    }

    @Test
    void takesResolversAndGateFromTheRegistryWhenNotSetOnTheComponent() throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("instances", instances);
        camel.getRegistry().bind("secrets", secrets);
        camel.getRegistry().bind("gate", gate);
        camel.getRegistry().bind("meters", meters);
        echo = new EchoComponent();
        camel.addComponent("echo", echo);
        camel.start();
        assertThat(template()
                        .requestBodyAndHeaders(
                                "echo:say?instance=greeter",
                                "reg",
                                Map.of(AdapterHeaders.TENANT, "acme", AdapterHeaders.ENVIRONMENT, "prod")))
                .isEqualTo("hello reg");
        assertThat(meters.find(AdapterMetrics.REQUESTS).counter()).isNotNull();
    }

    @Test
    void prefersTheCompositeWhenSeveralMeterRegistriesAreBound() throws Exception {
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(meters);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("instances", instances);
        camel.getRegistry().bind("secrets", secrets);
        camel.getRegistry().bind("gate", gate);
        camel.getRegistry().bind("prometheusLike", meters);
        camel.getRegistry().bind("composite", composite);
        echo = new EchoComponent();
        camel.addComponent("echo", echo);
        camel.start();
        assertThat(echo.getMeterRegistry()).isSameAs(composite);
    }

    private void start(RouteBuilder... routes) throws Exception {
        start(0, routes);
    }

    /** @param sweepMillis the delegate sweep interval; 0 leaves sweeping to the test */
    private void start(long sweepMillis, RouteBuilder... routes) throws Exception {
        camel = new DefaultCamelContext();
        echo = new EchoComponent();
        echo.setDelegateSweepInterval(sweepMillis);
        echo.setInstanceResolver(instances);
        echo.setSecretResolver(secrets);
        echo.setGovernanceGate(request -> gate.evaluate(request));
        echo.setMeterRegistry(meters);
        camel.addComponent("echo", echo);
        for (RouteBuilder route : routes) {
            camel.addRoutes(route);
        }
        camel.start();
    }

    private ProducerTemplate template() {
        return camel.createProducerTemplate();
    }

    private static ResolvedInstance greeter(long version, String greeting) {
        return new ResolvedInstance(
                GREETER,
                "echo",
                "memory",
                version,
                "eu-central-1",
                "high",
                "confidential",
                Map.of("greeting", greeting, "token", "secret:echo-token"));
    }
}
