package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.config.ConductorProperties;
import io.maestro.conductor.hub.notary.ReceiptSealProperties;
import io.maestro.conductor.notary.receipt.ReceiptSeals;
import io.maestro.conductor.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the evidence-upload route calls by name ({@code evidenceWorkflow}, {@code evidenceDeadLetters}) and
 * the controller's helpers. Stores use the registry's schema (migrations V51, V53), so they wait for the registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceProperties.class)
public class EvidenceConfiguration {

    @Bean
    EvidenceSpool evidenceSpool(EvidenceProperties properties, ConductorProperties conductor) {
        Path root = properties.spoolDir() != null
                ? properties.spoolDir()
                : conductor.dataDir().resolve("evidence-spool");
        return new EvidenceSpool(root);
    }

    @Bean
    EvidenceClaims evidenceClaims(DataSource dataSource, Registry migrated, ObjectMapper json) {
        return new EvidenceClaims(dataSource, Clock.systemUTC(), json);
    }

    @Bean
    EvidenceReceipts evidenceReceipts(
            Registry registry, EvidenceClaims claims, DataSource dataSource, ObjectMapper json) {
        return new EvidenceReceipts(registry.receipts(), claims, dataSource, json);
    }

    @Bean
    EvidenceWorkflow evidenceWorkflow(EvidenceReceipts receipts, ObjectMapper json) {
        return new EvidenceWorkflow(receipts, json);
    }

    @Bean
    EvidenceDeadLetters evidenceDeadLetters(DataSource dataSource, EvidenceClaims claims, ObjectMapper json) {
        return new EvidenceDeadLetters(dataSource, claims, json, Clock.systemUTC());
    }

    @Bean
    EvidenceRecovery evidenceRecovery(EvidenceClaims claims, EvidenceDeadLetters deadLetters, EvidenceSpool spool) {
        return new EvidenceRecovery(claims, deadLetters, spool);
    }

    @Bean
    EvidenceRequestParser evidenceRequestParser(ObjectMapper json, EvidenceSpool spool, EvidenceProperties properties) {
        return new EvidenceRequestParser(json, spool, properties);
    }

    @Bean
    EvidenceMultipartParser evidenceMultipartParser(EvidenceSpool spool, EvidenceProperties properties) {
        return new EvidenceMultipartParser(spool, properties);
    }

    @Bean
    EvidenceUploads evidenceUploads(
            ProducerTemplate template,
            EvidenceDeadLetters deadLetters,
            EvidenceClaims claims,
            EvidenceSpool spool,
            ObjectMapper json,
            MeterRegistry meters,
            ApplicationEventPublisher events) {
        return new EvidenceUploads(template, deadLetters, claims, spool, json, meters, events);
    }

    @Bean
    EvidenceVerifier evidenceVerifier(
            ProducerTemplate template,
            EvidenceClaims claims,
            Registry registry,
            ReceiptSeals seals,
            ReceiptSealProperties sealProperties,
            MeterRegistry meters) {
        return new EvidenceVerifier(
                template, claims, registry.receipts(), new EvidenceSealCheck(registry, seals, sealProperties), meters);
    }
}
