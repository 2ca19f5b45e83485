package io.maestro.conductor.adapter.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import io.maestro.conductor.adapter.testing.ScriptedGate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of the SPI on the tick adapter, driven by a real seda queue: every message is governed,
 * labelled with the Conductor headers and counted; a deny never reaches the route and goes to the route's error
 * handler (bridgeErrorHandler), as does a failure inside the route.
 */
class TickConsumerTest {

    private static final String TOKEN = "tick-consumer-token";
    private static final String FROM =
            "tick:receive?instance=inbox&tenant=acme&environment=prod&bridgeErrorHandler=true";

    private final InMemoryInstanceResolver instances = new InMemoryInstanceResolver()
            .put(new ResolvedInstance(
                    new InstanceRef("acme", "prod", "inbox"),
                    "tick",
                    "seda",
                    1,
                    "eu-west-1",
                    "low",
                    "internal",
                    Map.of("queue", "inbox", "token", "secret:inbox-token")));
    private final InMemorySecretResolver secrets =
            new InMemorySecretResolver().put("acme", "prod", "inbox-token", TOKEN);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private volatile Function<GovernanceRequest, GovernanceDecision> decide =
            request -> GovernanceDecision.allow("allow-" + request.action());
    private final ScriptedGate gate = new ScriptedGate(request -> decide.apply(request));
    private final CountDownLatch release = new CountDownLatch(1);
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        TickComponent tick = new TickComponent();
        tick.setAcceptedToken(TOKEN);
        tick.setInstanceResolver(instances);
        tick.setSecretResolver(secrets);
        tick.setGovernanceGate(gate);
        tick.setMeterRegistry(meters);
        camel = new DefaultCamelContext();
        camel.addComponent("tick", tick);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from(FROM)
                        .routeId("inbox")
                        .process(exchange -> {
                            String body = exchange.getMessage().getBody(String.class);
                            if ("boom".equals(body)) {
                                throw new IllegalStateException("route failed");
                            }
                            if ("hold".equals(body)) {
                                release.await(10, TimeUnit.SECONDS);
                            }
                        })
                        .to("mock:out");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        camel.close();
    }

    @Test
    void eachMessageIsGovernedLabelledAndCounted() throws Exception {
        MockEndpoint out = camel.getEndpoint("mock:out", MockEndpoint.class);
        out.expectedBodiesReceived("a", "b");

        camel.createProducerTemplate().sendBodyAndHeader("seda:tick-inbox", "a", AdapterHeaders.CORRELATION_ID, "c-1");
        camel.createProducerTemplate().sendBody("seda:tick-inbox", "b");

        out.assertIsSatisfied(10_000);
        Map<String, Object> first = out.getExchanges().get(0).getMessage().getHeaders();
        assertThat(first)
                .containsEntry(AdapterHeaders.TENANT, "acme")
                .containsEntry(AdapterHeaders.ENVIRONMENT, "prod")
                .containsEntry(AdapterHeaders.INSTANCE, "inbox")
                .containsEntry(AdapterHeaders.CORRELATION_ID, "c-1")
                .containsEntry(AdapterHeaders.DECISION_ID, "allow-tick.receive");
        assertThat(out.getExchanges().get(1).getMessage().getHeader(AdapterHeaders.CORRELATION_ID, String.class))
                .isNotBlank()
                .isNotEqualTo("c-1");
        assertThat(gate.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.action()).isEqualTo("tick.receive");
            assertThat(request.tenant()).isEqualTo("acme");
            assertThat(request.adapter().instance()).isEqualTo("inbox");
        });
        assertThat(meters.get(AdapterMetrics.RECEIVED)
                        .tags("tenant", "acme", "instance", "inbox", "operation", "receive")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.find(AdapterMetrics.FAILED).counter()).isNull();
    }

    @Test
    void aDeniedMessageNeverReachesTheRouteAndGoesToItsErrorHandler() throws Exception {
        decide = request -> "us-east-1".equals(request.data().region())
                ? GovernanceDecision.deny(SpiErrorCode.RESIDENCY_MISMATCH, List.of("wrong region"), "deny-7")
                : GovernanceDecision.allow("ok");
        MockEndpoint out = camel.getEndpoint("mock:out", MockEndpoint.class);
        MockEndpoint dead = camel.getEndpoint("mock:dead", MockEndpoint.class);
        out.expectedBodiesReceived("allowed");
        dead.expectedMessageCount(1);

        camel.createProducerTemplate()
                .sendBodyAndHeader("seda:tick-inbox", "denied", AdapterHeaders.DATA_REGION, "us-east-1");
        camel.createProducerTemplate().sendBody("seda:tick-inbox", "allowed");

        out.assertIsSatisfied(10_000);
        dead.assertIsSatisfied(10_000);
        Exchange deadLetter = dead.getExchanges().get(0);
        // Camel's bridge puts its own text in the body; the message's headers say which one it was.
        assertThat(deadLetter.getMessage().getHeaders())
                .containsEntry(AdapterHeaders.DATA_REGION, "us-east-1")
                .containsEntry(AdapterHeaders.TENANT, "acme");
        assertThat(deadLetter.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(PolicyDeniedException.class);
        assertThat(failed("RESIDENCY_MISMATCH")).isEqualTo(1.0);
        assertThat(meters.get(AdapterMetrics.RECEIVED)
                        .tag("instance", "inbox")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void aFailureInTheRouteIsTheRoutesErrorHandlersAndIsCounted() throws Exception {
        MockEndpoint dead = camel.getEndpoint("mock:dead", MockEndpoint.class);
        dead.expectedBodiesReceived("boom");

        camel.createProducerTemplate().sendBody("seda:tick-inbox", "boom");

        dead.assertIsSatisfied(10_000);
        assertThat(dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(IllegalStateException.class);
        assertThat(failed("ROUTE_FAILED")).isEqualTo(1.0);
    }

    @Test
    void theLagIsWhatWaitsInTheQueue() throws Exception {
        MockEndpoint out = camel.getEndpoint("mock:out", MockEndpoint.class);
        out.expectedMessageCount(3);
        for (String body : new String[] {"hold", "x", "y"}) {
            camel.createProducerTemplate().sendBody("seda:tick-inbox", body);
        }
        var lag = meters.get(AdapterMetrics.LAG)
                .tags("instance", "inbox", "operation", "receive")
                .gauge();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lag.value() != 2.0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lag.value()).isEqualTo(2.0);

        release.countDown();
        out.assertIsSatisfied(10_000);
        assertThat(lag.value()).isZero();
    }

    /** The failed counter of a code, once the consumer has counted it (the error handler runs before that). */
    private double failed(String code) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (meters.find(AdapterMetrics.FAILED)
                                .tags("instance", "inbox", "code", code)
                                .counter()
                        == null
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return meters.get(AdapterMetrics.FAILED)
                .tags("instance", "inbox", "code", code)
                .counter()
                .count();
    }

    @Test
    void aConsumerWithoutATenantDoesNotStart() {
        assertThatThrownBy(() -> camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("tick:receive?instance=inbox&environment=prod").to("mock:never");
                    }
                }))
                .hasMessageContaining("TENANT_REQUIRED");
    }
}
