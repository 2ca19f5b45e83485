package io.maestro.conductor.registry.change;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.ChangeRequests;
import io.maestro.conductor.registry.ChangeRequests.Draft;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Dual control on a real database: who may approve, exactly-once application, expiry, staleness, receipts. */
class ChangeRequestTest {

    private static final Actor ALICE = OPERATOR;
    private static final Actor BOB = new Actor("bob");
    private static final Actor CAROL = new Actor("carol");
    private static final Duration DAY = Duration.ofDays(1);
    private static final List<String> INSTALL = List.of("install");

    @OnEachDatabase
    void anotherPersonsApprovalAppliesTheChangeWithThreeReceiptsNamingBoth(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            ChangeRequests requests = registry.changeRequests();

            ChangeRequest pending = pendingInstall(registry, "decision-1", DAY);

            assertThat(pending.status()).isEqualTo(ChangeRequestStatus.PENDING);
            assertThat(registry.instance("acme", "prod", "ledger")).isEmpty();
            assertThat(requests.list("acme", ChangeRequestStatus.PENDING, 10))
                    .extracting(ChangeRequest::id)
                    .containsExactly(pending.id());

            ChangeRequest applied = requests.approve(BOB, "acme", pending.id(), "decision-2");

            assertThat(applied.status()).isEqualTo(ChangeRequestStatus.APPLIED);
            assertThat(applied.decidedBy()).isEqualTo("bob");
            assertThat(applied.decisionId()).isEqualTo("decision-2");
            assertThat(bucket(registry)).isEqualTo("acme-ledger");
            List<Receipt> trail = registry.receipts().list("acme").stream()
                    .filter(r -> r.instance().equals("ledger"))
                    .toList();
            assertThat(trail)
                    .extracting(Receipt::action)
                    .containsExactly(
                            ReceiptAction.CHANGE_REQUESTED,
                            ReceiptAction.CHANGE_APPROVED,
                            ReceiptAction.CHANGE_APPLIED);
            assertThat(trail).extracting(Receipt::actor).containsExactly("alice", "bob", "bob");
            assertThat(trail).allSatisfy(r -> {
                assertThat(r.changeSet().get("changeRequest").asText()).isEqualTo(pending.id());
                assertThat(r.changeSet().get("requestedBy").asText()).isEqualTo("alice");
            });
            assertThat(trail.get(1).changeSet().get("approvedBy").asText()).isEqualTo("bob");
            assertThat(trail.get(2).changeSet().get("approvedBy").asText()).isEqualTo("bob");
            assertThat(trail.get(2).changeSet().get("patch").toString()).contains("acme-ledger");
            assertThat(registry.receipts().verify("acme").valid()).isTrue();
        }
    }

    @OnEachDatabase
    void theRequesterCannotApproveOrRejectTheirOwnRequest(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            ChangeRequest pending = pendingInstall(registry, "decision-1", DAY);
            int receipts = registry.receipts().list("acme").size();

            for (var attempt : List.<Runnable>of(
                    () -> registry.changeRequests().approve(ALICE, "acme", pending.id(), "d"),
                    () -> registry.changeRequests().reject(ALICE, "acme", pending.id(), "changed my mind"))) {
                assertThatThrownBy(attempt::run).isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SELF_APPROVAL);
                    assertThat(e.getMessage()).contains("alice asked for change request");
                });
            }

            assertThat(registry.changeRequests()
                            .find("acme", pending.id())
                            .orElseThrow()
                            .status())
                    .isEqualTo(ChangeRequestStatus.PENDING);
            assertThat(registry.instance("acme", "prod", "ledger")).isEmpty();
            assertThat(registry.receipts().list("acme")).hasSize(receipts);
        }
    }

    @OnEachDatabase
    void twoApproversClickingAtOnceApplyItExactlyOnce(TestDatabase db) throws Exception {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            registry.install(ALICE, "acme", "prod", "ledger", s3("ledger-v1"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    long version = registry.instance("acme", "prod", "ledger")
                            .orElseThrow()
                            .configVersion();
                    ChangeRequest pending = registry.changeRequests()
                            .submit(
                                    ALICE,
                                    Draft.update(
                                            "acme",
                                            "prod",
                                            "ledger",
                                            List.of("config-change"),
                                            new UpdateRequest(
                                                    version, s3Config("ledger-v" + (version + 1)), null, null)),
                                    "d",
                                    DAY);
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<ChangeRequest>> clicks = new ArrayList<>();
                    for (Actor approver : List.of(BOB, CAROL)) {
                        clicks.add(pool.submit(() -> {
                            go.await();
                            return registry.changeRequests().approve(approver, "acme", pending.id(), "d");
                        }));
                    }
                    go.countDown();
                    int applied = 0;
                    for (Future<ChangeRequest> click : clicks) {
                        try {
                            assertThat(click.get().status()).isEqualTo(ChangeRequestStatus.APPLIED);
                            applied++;
                        } catch (ExecutionException e) {
                            assertThat(((RegistryException) e.getCause()).code())
                                    .isEqualTo(ErrorCode.CHANGE_REQUEST_NOT_PENDING);
                        }
                    }
                    assertThat(applied).isEqualTo(1);
                    assertThat(registry.instance("acme", "prod", "ledger")
                                    .orElseThrow()
                                    .configVersion())
                            .isEqualTo(version + 1);
                }
            } finally {
                pool.shutdown();
            }
            List<Receipt> all = registry.receipts().list("acme");
            assertThat(all.stream().filter(r -> r.action() == ReceiptAction.CHANGE_APPLIED))
                    .hasSize(5);
            assertThat(all.stream().filter(r -> r.action() == ReceiptAction.CHANGE_APPROVED))
                    .hasSize(5);
            assertThat(registry.receipts().verify("acme").valid()).isTrue();
        }
    }

    @OnEachDatabase
    void anExpiredRequestIsClosedUnappliedWithAReceipt(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            ChangeRequest pending = pendingInstall(registry, "d", Duration.ZERO);

            assertRefused(
                    () -> registry.changeRequests().approve(BOB, "acme", pending.id(), "d"),
                    ErrorCode.CHANGE_REQUEST_EXPIRED);
            assertRefused(
                    () -> registry.changeRequests().approve(CAROL, "acme", pending.id(), "d"),
                    ErrorCode.CHANGE_REQUEST_NOT_PENDING);

            ChangeRequest closed =
                    registry.changeRequests().find("acme", pending.id()).orElseThrow();
            assertThat(closed.status()).isEqualTo(ChangeRequestStatus.EXPIRED);
            assertThat(closed.decidedBy()).isEqualTo("bob");
            assertThat(registry.instance("acme", "prod", "ledger")).isEmpty();
            assertThat(registry.receipts().list("acme"))
                    .extracting(Receipt::action)
                    .endsWith(ReceiptAction.CHANGE_REQUESTED, ReceiptAction.CHANGE_EXPIRED);
            assertThat(registry.receipts().verify("acme").valid()).isTrue();
        }
    }

    @OnEachDatabase
    void aRequestOvertakenByAnotherChangeIsStaleAndNotApplied(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            registry.install(ALICE, "acme", "prod", "ledger", s3("ledger-v1"));
            ChangeRequest pending = registry.changeRequests()
                    .submit(
                            ALICE,
                            Draft.update(
                                    "acme",
                                    "prod",
                                    "ledger",
                                    List.of("config-change"),
                                    new UpdateRequest(1, s3Config("from-request"), null, null)),
                            "d",
                            DAY);
            ChangeRequest uninstall = registry.changeRequests()
                    .submit(ALICE, Draft.uninstall("acme", "prod", "ledger", List.of("uninstall")), "d", DAY);
            registry.update(CAROL, "acme", "prod", "ledger", new UpdateRequest(1, s3Config("meanwhile"), null, null));

            for (ChangeRequest overtaken : List.of(pending, uninstall)) {
                assertThatThrownBy(() -> registry.changeRequests().approve(BOB, "acme", overtaken.id(), "d"))
                        .isInstanceOfSatisfying(RegistryException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.CHANGE_REQUEST_STALE);
                            assertThat(e.getMessage()).contains("from config version 1 to 2");
                        });
                assertThat(registry.changeRequests()
                                .find("acme", overtaken.id())
                                .orElseThrow()
                                .status())
                        .isEqualTo(ChangeRequestStatus.STALE);
            }
            assertThat(bucket(registry)).isEqualTo("meanwhile");
            assertThat(registry.receipts().verify("acme").valid()).isTrue();
        }
    }

    @OnEachDatabase
    void anotherPersonMayRejectAndARejectedRequestCannotBeApproved(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            ChangeRequest pending = pendingInstall(registry, "d", DAY);

            ChangeRequest rejected = registry.changeRequests().reject(BOB, "acme", pending.id(), "wrong bucket");

            assertThat(rejected.status()).isEqualTo(ChangeRequestStatus.REJECTED);
            assertThat(rejected.reason()).isEqualTo("wrong bucket");
            assertThatThrownBy(() -> registry.changeRequests().approve(CAROL, "acme", pending.id(), "d"))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CHANGE_REQUEST_NOT_PENDING);
                        assertThat(e.getMessage()).contains("REJECTED (by bob)");
                    });
            Receipt last = registry.receipts()
                    .list("acme")
                    .get(registry.receipts().list("acme").size() - 1);
            assertThat(last.action()).isEqualTo(ReceiptAction.CHANGE_REJECTED);
            assertThat(last.changeSet().get("rejectedBy").asText()).isEqualTo("bob");
            assertThat(last.changeSet().get("requestedBy").asText()).isEqualTo("alice");
            assertThat(registry.instance("acme", "prod", "ledger")).isEmpty();
        }
    }

    @OnEachDatabase
    void anotherTenantsRequestIsNotFound(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            tenantWithSecrets(registry, "globex");
            ChangeRequest pending = pendingInstall(registry, "d", DAY);

            assertThat(registry.changeRequests().find("globex", pending.id())).isEmpty();
            assertRefused(
                    () -> registry.changeRequests().approve(BOB, "globex", pending.id(), "d"),
                    ErrorCode.CHANGE_REQUEST_NOT_FOUND);
        }
    }

    @OnEachDatabase
    void aRequestOfNoNamedActionsReadsBackWithNone(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            registry.install(ALICE, "acme", "prod", "ledger", s3("ledger-v1"));

            ChangeRequest pending = registry.changeRequests()
                    .submit(ALICE, Draft.uninstall("acme", "prod", "ledger", List.of()), "d", DAY);

            assertThat(registry.changeRequests().require("acme", pending.id()).actions())
                    .isEmpty();
            assertThat(registry.changeRequests().require("acme", pending.id()).actions())
                    .isEqualTo(pending.actions());
        }
    }

    /** Alice's pending install of acme's prod ledger instance. */
    private static ChangeRequest pendingInstall(Registry registry, String decisionId, Duration ttl) {
        return registry.changeRequests()
                .submit(ALICE, Draft.install("acme", "prod", "ledger", INSTALL, s3("acme-ledger")), decisionId, ttl);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static String bucket(Registry registry) {
        return registry.instance("acme", "prod", "ledger")
                .orElseThrow()
                .config()
                .get("bucket")
                .asText();
    }
}
