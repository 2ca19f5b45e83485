package io.maestro.conductor.hub.notary;

import io.maestro.conductor.notary.receipt.ReceiptSeals;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The receipt seals store over the hub's database (table {@code receipt_seal}, migrated with the registry). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReceiptSealProperties.class)
public class ReceiptSealConfiguration {

    @Bean
    ReceiptSeals receiptSeals(DataSource dataSource) {
        return new ReceiptSeals(dataSource);
    }
}
