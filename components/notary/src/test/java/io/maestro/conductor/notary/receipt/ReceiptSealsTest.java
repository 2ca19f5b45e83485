package io.maestro.conductor.notary.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.notary.NotaryTestTsa;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.TestDatabase;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Receipts sealed through {@code notary:} on the sandbox TSA, stored in SQL and checked offline, on each database. */
class ReceiptSealsTest {

    @OnEachDatabase
    void everyReceiptIsSealedOnceAndTheSealsVerify(TestDatabase database) throws Exception {
        try (NotaryTestTsa notary = new NotaryTestTsa()) {
            SealedLedger ledger = new SealedLedger(database).tenant("acme", 3).tenant("globex", 1);

            assertThat(ledger.sealAll("acme", notary::seal)).isEqualTo(3);
            assertThat(ledger.sealAll("acme", notary::seal)).isZero();
            Receipt first = ledger.ledger.list("acme").get(0);
            assertThat(ledger.seals.save(first, notary.seal(ReceiptLedger.canonical(first)), "again"))
                    .as("a receipt is sealed at most once")
                    .isFalse();

            SealedChainVerification acme =
                    new ReceiptSealVerifier(ledger.ledger, ledger.seals).verify("acme", notary.roots());
            SealedChainVerification globex =
                    new ReceiptSealVerifier(ledger.ledger, ledger.seals).verify("globex", notary.roots());
            assertThat(acme.valid()).isTrue();
            assertThat(acme.sealed()).isEqualTo(3);
            assertThat(acme.unsealed()).isZero();
            assertThat(globex.sealed()).isZero();
            assertThat(globex.unsealed()).isEqualTo(1);
            assertThat(ledger.seals.find("globex", first.id()))
                    .as("no cross-tenant read")
                    .isEmpty();
        }
    }

    @OnEachDatabase
    void aReceiptRewrittenWithARecomputedHashPassesTheChainButNotItsSeal(TestDatabase database) throws Exception {
        try (NotaryTestTsa notary = new NotaryTestTsa()) {
            SealedLedger ledger = new SealedLedger(database).tenant("acme", 2);
            ledger.sealAll("acme", notary::seal);
            Receipt last = ledger.ledger.list("acme").get(1);

            // Whoever can write SQL edits the newest receipt and recomputes its hash and the tenant's head.
            String forged = "{\"step\":99}";
            ledger.jdbc.update("UPDATE receipt SET change_set = ? WHERE id = ?", forged, last.id());
            Receipt edited = ledger.ledger.find("acme", last.id()).orElseThrow();
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(ReceiptLedger.canonical(edited)));
            ledger.jdbc.update("UPDATE receipt SET hash = ? WHERE id = ?", hash, last.id());
            ledger.jdbc.update("UPDATE tenant SET receipt_head_hash = ? WHERE id = 'acme'", hash);

            assertThat(ledger.ledger.verify("acme").valid())
                    .as("the hash chain alone is fooled")
                    .isTrue();
            SealedChainVerification sealed =
                    new ReceiptSealVerifier(ledger.ledger, ledger.seals).verify("acme", notary.roots());
            assertThat(sealed.valid()).isFalse();
            assertThat(sealed.firstBad().seq()).isEqualTo(2);
            assertThat(sealed.firstBad().reason()).isEqualTo("the signature does not verify over this content");
        }
    }

    @OnEachDatabase
    void aSealCheckedAgainstAnotherTsaRootFails(TestDatabase database) throws Exception {
        try (NotaryTestTsa notary = new NotaryTestTsa();
                NotaryTestTsa other = new NotaryTestTsa()) {
            SealedLedger ledger = new SealedLedger(database).tenant("acme", 1);
            ledger.sealAll("acme", notary::seal);

            SealedChainVerification check =
                    new ReceiptSealVerifier(ledger.ledger, ledger.seals).verify("acme", other.roots());

            assertThat(check.valid()).isFalse();
            assertThat(check.firstBad().reason()).contains("does not chain to a trusted TSA root");
        }
    }
}
