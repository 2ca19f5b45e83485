package io.maestro.conductor.bench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.storage.StorageConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** The benchmark measures what it says: each kind of put lands in S3Proxy, and the receipt kind chains a receipt. */
class StoragePutFixtureTest {

    @Test
    void everyKindOfPutStoresTheObjectAndOnlyTheReceiptKindAppendsAReceipt() throws Exception {
        try (StoragePutFixture fixture = new StoragePutFixture()) {
            int receiptsBefore = evidenceReceipts(fixture);

            Exchange adapter = fixture.adapter();
            assertThat(adapter.getMessage().getHeader(AdapterHeaders.DECISION_ID, String.class))
                    .isNotBlank();
            assertThat(adapter.getMessage().getHeader(StorageConstants.ETAG, String.class))
                    .isNotBlank();
            assertThat(evidenceReceipts(fixture)).isEqualTo(receiptsBefore);

            fixture.adapterWithReceipt();
            fixture.adapterWithReceipt();
            assertThat(evidenceReceipts(fixture)).isEqualTo(receiptsBefore + 2);
            assertThat(fixture.registry()
                            .receipts()
                            .verify(StoragePutFixture.TENANT)
                            .valid())
                    .isTrue();

            fixture.raw();
            assertThat(fixture.storedKeys()).containsExactlyInAnyOrder("bench/put-64k.bin", "bench/raw/put-64k.bin");
            assertThat(fixture.gate().allowed()).isTrue();
        }
    }

    private static int evidenceReceipts(StoragePutFixture fixture) {
        return (int) fixture.registry().receipts().list(StoragePutFixture.TENANT).stream()
                .map(Receipt::action)
                .filter(ReceiptAction.EVIDENCE_STORED::equals)
                .count();
    }
}
