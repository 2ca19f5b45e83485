package io.maestro.conductor.hub.evidence;

import java.time.Clock;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.adapter.governance.GovernanceGate;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.registry.Registry;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the evidence-upload route calls by name ({@code evidenceWorkflow}, {@code evidenceDeadLetters}) and
 * the controller's helpers. Stores use the registry's schema (migration V51), so they wait for the registry.
 */
@Configuration(proxyBeanMethods = false)
public class EvidenceConfiguration {

    @Bean
    EvidenceReceipts evidenceReceipts(Registry registry, DataSource dataSource, ObjectMapper json) {
        return new EvidenceReceipts(registry.receipts(), dataSource, json);
    }

    @Bean
    EvidenceWorkflow evidenceWorkflow(InstanceResolver instances, GovernanceGate gate, EvidenceReceipts receipts,
                                      ObjectMapper json) {
        return new EvidenceWorkflow(instances, gate, receipts, json);
    }

    @Bean
    EvidenceDeadLetters evidenceDeadLetters(DataSource dataSource, Registry migrated) {
        return new EvidenceDeadLetters(dataSource, Clock.systemUTC());
    }

    @Bean
    EvidenceRequestParser evidenceRequestParser(ObjectMapper json) {
        return new EvidenceRequestParser(json);
    }

    @Bean
    EvidenceUploads evidenceUploads(ProducerTemplate template, EvidenceDeadLetters deadLetters) {
        return new EvidenceUploads(template, deadLetters);
    }
}
