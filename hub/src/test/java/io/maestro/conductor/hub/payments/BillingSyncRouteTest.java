package io.maestro.conductor.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.payments.billing.BillingRun;
import io.maestro.conductor.payments.billing.UsageCount;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.hazelcast.policy.HazelcastRoutePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The billing sync on a hub: routes/billing-sync.yaml billing the demo tenants from the usage table through the
 * platform's billing instance, adapter calls counted into that table, the singleton policy and the dead letter.
 */
@ExtendWith(OutputCaptureExtension.class)
class BillingSyncRouteTest extends BillingHub {
    private BillingRun.Summary billPeriod(String period) {
        ProducerTemplate producer = camel.createProducerTemplate();
        return producer.requestBodyAndHeader(
                "direct:billing-run", null, BillingSyncService.PERIOD_HEADER, period, BillingRun.Summary.class);
    }

    private Map<String, Long> amountDueOfThePeriod() {
        return sandbox.invoices().stream()
                .filter(invoice -> PERIOD.toString()
                        .equals(invoice.path("metadata")
                                .path("conductor_period")
                                .asText()))
                .collect(Collectors.toMap(
                        invoice -> invoice.path("metadata")
                                .path("conductor_tenant")
                                .asText(),
                        invoice -> invoice.path("amount_due").asLong()));
    }

    @Test
    void everyTenantIsBilledOnceForThePeriodFromTheUsageTable() {
        usage.add(List.of(
                new UsageCount("atlas", "dev", PERIOD, "adapter:storage", 30),
                new UsageCount("lumen", "prod", PERIOD, "adapter:storage", 5),
                new UsageCount("lumen", "dev", PERIOD, "events:reports", 6)));

        Map<String, Long> totals = usage.totals(PERIOD);

        BillingRun.Summary first = billPeriod(PERIOD.toString());
        BillingRun.Summary again = billPeriod(PERIOD.toString());

        assertThat(first.invoiced()).isEqualTo(registry.tenants().size());
        assertThat(again.invoiced()).isZero();
        assertThat(again.alreadyInvoiced()).isEqualTo(registry.tenants().size());
        assertThat(totals).containsEntry("lumen", 11L).doesNotContainKey("orbit");
        assertThat(totals.get("atlas")).as("30, and calls the other test made").isGreaterThanOrEqualTo(30L);
        assertThat(amountDueOfThePeriod())
                .as("2 cents a unit")
                .containsEntry("atlas", 2 * totals.get("atlas"))
                .containsEntry("lumen", 22L)
                .containsEntry("orbit", 0L)
                .hasSize(registry.tenants().size());
        JsonNode status = new Api(port)
                .get("/api/tenants/lumen/billing/status", "operator", operatorPassword())
                .json();
        assertThat(status.path("outcome").asText()).isEqualTo("INVOICED");
        assertThat(status.path("period").asText()).isEqualTo(PERIOD.toString());
        assertThat(status.path("usageTotal").asLong()).isEqualTo(11);
    }

    @Test
    void adapterCallsReachTheUsageTableAtTheNextFlush() {
        recorder.flush();
        long before = atlasPaymentsCalls();
        camel.createProducerTemplate()
                .requestBodyAndHeaders(
                        "payments:create_customer?instance=billing",
                        Map.of(),
                        Map.of(
                                AdapterHeaders.TENANT,
                                "atlas",
                                AdapterHeaders.ENVIRONMENT,
                                "dev",
                                "CamelConductorPaymentsBusinessKey",
                                "usage-test"));

        int rows = recorder.flush();

        assertThat(rows).isEqualTo(1);
        assertThat(atlasPaymentsCalls()).isEqualTo(before + 1);
        assertThat(recorder.flush()).as("nothing new").isZero();
    }

    @Test
    void theTimerRouteIsASingletonOnTheHubsHazelcastMember() {
        assertThat(camel.getRouteController().getRouteStatus("billing-sync")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRoute("billing-sync").getRoutePolicyList())
                .filteredOn(HazelcastRoutePolicy.class::isInstance)
                .singleElement()
                .satisfies(policy ->
                        assertThat(((HazelcastRoutePolicy) policy).isLeader()).isTrue());
    }

    @Test
    void aRunThatFailsAsAWholeIsDeadLetteredAndLogged(CapturedOutput output) {
        Object answer = camel.createProducerTemplate()
                .requestBodyAndHeader("direct:billing-run", null, BillingSyncService.PERIOD_HEADER, "2026-13");

        assertThat(answer).isNull();
        assertThat(output.getAll()).contains("event=billing_run_dead_letter period=2026-13");
    }

    private long atlasPaymentsCalls() {
        Long calls = new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT COALESCE(SUM(quantity), 0) FROM usage_count WHERE tenant_id = 'atlas' "
                                + "AND environment = 'dev' AND source = 'adapter:payments' AND period = ?",
                        Long.class,
                        PERIOD.toString());
        return calls == null ? 0 : calls;
    }
}
