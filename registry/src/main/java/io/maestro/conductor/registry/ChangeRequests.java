package io.maestro.conductor.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.registry.change.ChangeOperation;
import io.maestro.conductor.registry.change.ChangeRequest;
import io.maestro.conductor.registry.change.ChangeRequestStatus;
import io.maestro.conductor.registry.change.ChangeRequestStore;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.InstanceState;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.receipt.ReceiptChain;
import io.maestro.conductor.registry.store.InstanceStore;
import io.maestro.conductor.registry.store.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dual control. A lifecycle action held for approval becomes a pending change request (with a receipt); someone
 * other than the requester approves it, and approval and application commit in one transaction under the tenant's
 * chain lock, with a receipt for each, so however many approvers click at once it is applied exactly once. A request
 * acted on after it expired, or after another change moved the instance on, is closed unapplied.
 */
public final class ChangeRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeRequests.class);

    /**
     * What the requester wants done: {@code install} for an install, {@code update} for an update, neither for an
     * uninstall; {@code external} the document of an {@linkplain ChangeOperation#external() external} operation, which
     * its caller applies (then {@code instance} names what it acts on).
     */
    public record Draft(
            String tenant,
            String environment,
            String instance,
            ChangeOperation operation,
            List<String> actions,
            InstallRequest install,
            UpdateRequest update,
            JsonNode external) {

        public Draft {
            actions = List.copyOf(actions);
            if (operation.external() != (external != null)) {
                throw new IllegalArgumentException("an external operation, and only one, carries its document");
            }
        }

        public static Draft install(
                String tenant, String environment, String instance, List<String> actions, InstallRequest request) {
            return new Draft(tenant, environment, instance, ChangeOperation.INSTALL, actions, request, null, null);
        }

        public static Draft update(
                String tenant, String environment, String instance, List<String> actions, UpdateRequest request) {
            return new Draft(tenant, environment, instance, ChangeOperation.UPDATE, actions, null, request, null);
        }

        public static Draft uninstall(String tenant, String environment, String instance, List<String> actions) {
            return new Draft(tenant, environment, instance, ChangeOperation.UNINSTALL, actions, null, null, null);
        }

        /** An operation the caller applies on approval; {@code subject} names what it acts on. */
        public static Draft external(
                String tenant,
                String environment,
                String subject,
                ChangeOperation operation,
                List<String> actions,
                JsonNode document) {
            return new Draft(tenant, environment, subject, operation, actions, null, null, document.deepCopy());
        }
    }

    private final AdapterLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final ChangeRequestStore store;
    private final InstanceStore instances;
    private final ReceiptChain receipts;
    private final Clock clock;

    ChangeRequests(
            AdapterLifecycle lifecycle,
            TransactionTemplate tx,
            ChangeRequestStore store,
            InstanceStore instances,
            ReceiptChain receipts,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.tx = tx;
        this.store = store;
        this.instances = instances;
        this.receipts = receipts;
        this.clock = clock;
    }

    /**
     * Validates the change as if it were applied now (schema, secrets, region, config version) and stores it as a
     * pending request with a {@code CHANGE_REQUESTED} receipt.
     *
     * @param decisionId the policy decision that held it for approval
     * @param ttl        how long it may wait for an approver
     */
    public ChangeRequest submit(Actor requester, Draft draft, String decisionId, Duration ttl) {
        long base = switch (draft.operation()) {
            case INSTALL -> {
                lifecycle.prepareInstall(draft.tenant(), draft.environment(), draft.instance(), draft.install());
                yield 0;
            }
            case UPDATE -> {
                AdapterInstance current = lifecycle
                        .prepareUpdate(draft.tenant(), draft.environment(), draft.instance(), draft.update())
                        .current();
                requireVersion(current, draft.update().expectedConfigVersion());
                yield draft.update().expectedConfigVersion();
            }
            case UNINSTALL -> {
                lifecycle.registry().requireEnvironment(draft.tenant(), draft.environment());
                yield instances
                        .find(draft.tenant(), draft.environment(), draft.instance())
                        .orElseThrow(() ->
                                AdapterLifecycle.notInstalled(draft.tenant(), draft.environment(), draft.instance()))
                        .configVersion();
            }
            case MARKETPLACE_LISTING -> {
                lifecycle.registry().requireEnvironment(draft.tenant(), draft.environment());
                yield 0;
            }
        };
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ChangeRequest request = new ChangeRequest(
                UUID.randomUUID().toString(),
                draft.tenant(),
                draft.environment(),
                draft.instance(),
                draft.operation(),
                draft.actions(),
                document(draft),
                base,
                ChangeRequestStatus.PENDING,
                requester.id(),
                now,
                now.plus(ttl),
                decisionId,
                null,
                null,
                null,
                null);
        Receipt receipt = tx.execute(status -> {
            ReceiptChain.Head head = receipts.lock(draft.tenant());
            if (draft.operation() == ChangeOperation.INSTALL
                    && instances
                            .find(draft.tenant(), draft.environment(), draft.instance())
                            .isPresent()) {
                throw new RegistryException(
                        ErrorCode.ADAPTER_ALREADY_INSTALLED,
                        "instance '" + draft.instance() + "' is already installed for tenant '" + draft.tenant()
                                + "' in '" + draft.environment() + "'");
            }
            store.insert(request);
            ObjectNode changeSet = changeSet(request, ReceiptAction.CHANGE_REQUESTED, null)
                    .put("expiresAt", request.expiresAt().toString())
                    .put("baseConfigVersion", base);
            changeSet.set("change", request.change());
            return receipts.append(
                    head,
                    draft.environment(),
                    requester.id(),
                    ReceiptAction.CHANGE_REQUESTED,
                    draft.instance(),
                    changeSet);
        });
        log(request, "requested", requester, receipt);
        return request;
    }

    public Optional<ChangeRequest> find(String tenant, String id) {
        return store.find(tenant, id);
    }

    /** Newest first; {@code status} null for all. */
    public List<ChangeRequest> list(String tenant, ChangeRequestStatus status, int limit) {
        return store.list(tenant, status, limit);
    }

    /** Refuses the requester acting on their own request: dual control needs a second person. */
    public static void requireSecondPerson(ChangeRequest request, Actor actor) {
        if (request.requestedBy().equals(actor.id())) {
            throw new RegistryException(
                    ErrorCode.SELF_APPROVAL,
                    actor.id() + " asked for change request " + request.id()
                            + " and so cannot approve or reject it; another approver must");
        }
    }

    /**
     * Approves and applies a pending request in one transaction with its {@code CHANGE_APPROVED} and
     * {@code CHANGE_APPLIED} receipts.
     *
     * @param decisionId the policy decision that allowed it with this approval
     * @throws RegistryException {@code SELF_APPROVAL}, {@code CHANGE_REQUEST_NOT_FOUND},
     *                           {@code CHANGE_REQUEST_NOT_PENDING} (already applied, rejected or closed),
     *                           {@code CHANGE_REQUEST_EXPIRED}, {@code CHANGE_REQUEST_STALE}; and any refusal of the
     *                           change itself (e.g. {@code SECRET_NOT_FOUND}), which leaves it pending
     */
    public ChangeRequest approve(Actor approver, String tenant, String id, String decisionId) {
        if (require(tenant, id).operation().external()) {
            throw new RegistryException(
                    ErrorCode.CHANGE_REQUEST_NOT_PENDING,
                    "change request " + id + " is applied by the hub feature that asked for it, not here");
        }
        return approve(approver, tenant, id, decisionId, this::apply);
    }

    /**
     * Approves a pending request of an {@linkplain ChangeOperation#external() external} operation: {@code apply} runs
     * in the approval's transaction after every check passed, and answers what it changed (the patch of the
     * {@code CHANGE_APPLIED} receipt); when it throws, nothing of the approval stays. It must not append receipts
     * itself (the request's receipts are appended after it, on the chain head taken before): append them before.
     *
     * @throws RegistryException as {@link #approve(Actor, String, String, String)}
     */
    public ChangeRequest approveExternal(
            Actor approver, String tenant, String id, String decisionId, Function<ChangeRequest, JsonNode> apply) {
        if (!require(tenant, id).operation().external()) {
            throw new IllegalArgumentException("change request " + id + " is applied by the registry");
        }
        return approve(
                approver,
                tenant,
                id,
                decisionId,
                request -> new AdapterLifecycle.Change(null, ReceiptAction.CHANGE_APPLIED, apply.apply(request)));
    }

    private ChangeRequest approve(
            Actor approver,
            String tenant,
            String id,
            String decisionId,
            Function<ChangeRequest, AdapterLifecycle.Change> applier) {
        requireSecondPerson(require(tenant, id), approver);
        Outcome outcome = tx.execute(status -> {
            ReceiptChain.Head head = receipts.lock(tenant);
            ChangeRequest locked = store.lock(tenant, id).orElseThrow(() -> notFound(tenant, id));
            Optional<Outcome> closed = closeIfUnappliable(locked, approver, head);
            if (closed.isPresent()) {
                return closed.get();
            }
            AdapterLifecycle.Change change = applier.apply(locked);
            Instant now = clock.instant();
            Receipt approved = receipts.append(
                    head,
                    locked.environment(),
                    approver.id(),
                    ReceiptAction.CHANGE_APPROVED,
                    locked.instance(),
                    changeSet(locked, ReceiptAction.CHANGE_APPROVED, approver).put("decisionId", decisionId));
            ObjectNode appliedSet = changeSet(locked, ReceiptAction.CHANGE_APPLIED, approver);
            appliedSet.set("patch", change.patch() == null ? Json.MAPPER.createArrayNode() : change.patch());
            Receipt applied = receipts.append(
                    next(head, approved),
                    locked.environment(),
                    approver.id(),
                    ReceiptAction.CHANGE_APPLIED,
                    locked.instance(),
                    appliedSet);
            store.close(tenant, id, ChangeRequestStatus.APPLIED, approver.id(), now, decisionId, null);
            return new Outcome(ChangeRequestStatus.APPLIED, locked, change.instance(), applied);
        });
        return finish(outcome, approver, "approved and applied");
    }

    /** Rejects a pending request (by someone other than the requester), with a {@code CHANGE_REJECTED} receipt. */
    public ChangeRequest reject(Actor rejecter, String tenant, String id, String reason) {
        requireSecondPerson(require(tenant, id), rejecter);
        Outcome outcome = tx.execute(status -> {
            ReceiptChain.Head head = receipts.lock(tenant);
            ChangeRequest locked = store.lock(tenant, id).orElseThrow(() -> notFound(tenant, id));
            if (locked.status() != ChangeRequestStatus.PENDING) {
                return new Outcome(locked.status(), locked, null, null);
            }
            Receipt receipt = receipts.append(
                    head,
                    locked.environment(),
                    rejecter.id(),
                    ReceiptAction.CHANGE_REJECTED,
                    locked.instance(),
                    changeSet(locked, ReceiptAction.CHANGE_REJECTED, rejecter).put("reason", reason));
            store.close(tenant, id, ChangeRequestStatus.REJECTED, rejecter.id(), clock.instant(), null, reason);
            return new Outcome(ChangeRequestStatus.REJECTED, locked, null, receipt);
        });
        return finish(outcome, rejecter, "rejected");
    }

    /** What a transaction on a request ended in; {@code instance} only when applied. */
    private record Outcome(
            ChangeRequestStatus status, ChangeRequest request, AdapterInstance instance, Receipt receipt) {}

    /** Closes an expired or stale request with its receipt; empty when it can still be applied. */
    private Optional<Outcome> closeIfUnappliable(ChangeRequest locked, Actor actor, ReceiptChain.Head head) {
        if (locked.status() != ChangeRequestStatus.PENDING) {
            return Optional.of(new Outcome(locked.status(), locked, null, null));
        }
        Instant now = clock.instant();
        ChangeRequestStatus closing;
        String reason;
        if (locked.expiredAt(now)) {
            closing = ChangeRequestStatus.EXPIRED;
            reason = "expired at " + locked.expiresAt();
        } else if (locked.operation().external()) {
            // an external operation's applier checks what it acts on
            return Optional.empty();
        } else {
            Optional<AdapterInstance> stored = instances.find(locked.tenant(), locked.environment(), locked.instance());
            long version = stored.map(AdapterInstance::configVersion).orElse(0L);
            if (version == locked.baseConfigVersion()) {
                return Optional.empty();
            }
            closing = ChangeRequestStatus.STALE;
            reason = "instance '" + locked.instance() + "' moved from config version " + locked.baseConfigVersion()
                    + " to " + version + " since the request";
        }
        ReceiptAction action =
                closing == ChangeRequestStatus.EXPIRED ? ReceiptAction.CHANGE_EXPIRED : ReceiptAction.CHANGE_STALE;
        Receipt receipt = receipts.append(
                head,
                locked.environment(),
                actor.id(),
                action,
                locked.instance(),
                changeSet(locked, action, actor).put("reason", reason));
        store.close(locked.tenant(), locked.id(), closing, actor.id(), now, null, reason);
        return Optional.of(new Outcome(closing, locked, null, receipt));
    }

    private AdapterLifecycle.Change apply(ChangeRequest request) {
        JsonNode change = request.change();
        return switch (request.operation()) {
            case INSTALL ->
                lifecycle.installInTransaction(lifecycle.prepareInstall(
                        request.tenant(),
                        request.environment(),
                        request.instance(),
                        new InstallRequest(
                                text(change, "definition"),
                                text(change, "version"),
                                change.get("config"),
                                text(change, "region"))));
            case UPDATE -> {
                String state = text(change, "state");
                UpdateRequest update = new UpdateRequest(
                        request.baseConfigVersion(),
                        change.get("config"),
                        text(change, "region"),
                        state == null ? null : InstanceState.valueOf(state),
                        text(change, "version"));
                yield lifecycle.updateInTransaction(
                        lifecycle.prepareUpdate(request.tenant(), request.environment(), request.instance(), update),
                        request.baseConfigVersion());
            }
            case UNINSTALL ->
                lifecycle.uninstallInTransaction(request.tenant(), request.environment(), request.instance());
            case MARKETPLACE_LISTING ->
                throw new IllegalStateException("external operations are applied by their caller");
        };
    }

    /** After the commit: refresh the cache for an applied change, or refuse with what closed the request. */
    private ChangeRequest finish(Outcome outcome, Actor actor, String verb) {
        ChangeRequest request = outcome.request();
        if (outcome.instance() != null) {
            lifecycle.afterCommit(outcome.instance(), outcome.receipt());
        }
        if (outcome.receipt() != null) {
            log(request, outcome.status().name().toLowerCase(), actor, outcome.receipt());
        }
        ChangeRequest now = require(request.tenant(), request.id());
        return switch (outcome.status()) {
            case APPLIED, REJECTED -> {
                if (outcome.receipt() == null) {
                    throw notPending(now);
                }
                yield now;
            }
            case EXPIRED ->
                throw outcome.receipt() == null
                        ? notPending(now)
                        : new RegistryException(
                                ErrorCode.CHANGE_REQUEST_EXPIRED,
                                "change request " + request.id() + " expired at " + request.expiresAt()
                                        + " and was not " + verb + "; ask again");
            case STALE ->
                throw outcome.receipt() == null
                        ? notPending(now)
                        : new RegistryException(
                                ErrorCode.CHANGE_REQUEST_STALE,
                                "change request " + request.id() + " was not " + verb + ": " + now.reason()
                                        + "; ask again against the current version");
            case PENDING -> throw new IllegalStateException("a transaction on a request ends it");
        };
    }

    /** @throws RegistryException {@code CHANGE_REQUEST_NOT_FOUND}, also for another tenant's request */
    public ChangeRequest require(String tenant, String id) {
        return store.find(tenant, id).orElseThrow(() -> notFound(tenant, id));
    }

    private static RegistryException notFound(String tenant, String id) {
        return new RegistryException(
                ErrorCode.CHANGE_REQUEST_NOT_FOUND, "tenant '" + tenant + "' has no change request '" + id + "'");
    }

    private static RegistryException notPending(ChangeRequest request) {
        return new RegistryException(
                ErrorCode.CHANGE_REQUEST_NOT_PENDING,
                "change request " + request.id()
                        + " is already " + request.status()
                        + (request.decidedBy() == null ? "" : " (by " + request.decidedBy() + ")"));
    }

    private static void requireVersion(AdapterInstance current, long expected) {
        if (current.configVersion() != expected) {
            throw new RegistryException(
                    ErrorCode.CONFIG_VERSION_CONFLICT,
                    "instance '" + current.name()
                            + "' is at config version " + current.configVersion() + ", not " + expected
                            + "; re-read it and ask again");
        }
    }

    private static ReceiptChain.Head next(ReceiptChain.Head head, Receipt appended) {
        return new ReceiptChain.Head(head.tenant(), appended.seq(), appended.hash());
    }

    /** What every receipt of a request names: the request, its action and both people. */
    private static ObjectNode changeSet(ChangeRequest request, ReceiptAction action, Actor second) {
        ObjectNode set = Json.MAPPER
                .createObjectNode()
                .put("changeRequest", request.id())
                .put("operation", request.operation().name())
                .put("actions", String.join(",", request.actions()))
                .put("requestedBy", request.requestedBy());
        String role = switch (action) {
            case CHANGE_APPROVED, CHANGE_APPLIED -> "approvedBy";
            case CHANGE_REJECTED -> "rejectedBy";
            default -> "closedBy";
        };
        if (second == null) {
            set.putNull("approvedBy");
        } else {
            set.put(role, second.id());
        }
        return set;
    }

    private static ObjectNode document(Draft draft) {
        if (draft.external() != null) {
            return draft.external().deepCopy();
        }
        ObjectNode doc = Json.MAPPER.createObjectNode();
        if (draft.install() != null) {
            doc.put("definition", draft.install().definition())
                    .put("version", draft.install().definitionVersion())
                    .put("region", draft.install().region())
                    .set("config", draft.install().config());
        } else if (draft.update() != null) {
            doc.put("version", draft.update().definitionVersion())
                    .put("region", draft.update().region())
                    .put(
                            "state",
                            draft.update().state() == null
                                    ? null
                                    : draft.update().state().name())
                    .set("config", draft.update().config());
        }
        return doc;
    }

    private static String text(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void log(ChangeRequest request, String what, Actor actor, Receipt receipt) {
        LOG.info(
                "change request {} id={} tenant={} env={} instance={} operation={} requestedBy={} by={} receipt={} "
                        + "seq={}",
                what,
                request.id(),
                request.tenant(),
                request.environment(),
                request.instance(),
                request.operation(),
                request.requestedBy(),
                actor.id(),
                receipt.id(),
                receipt.seq());
    }
}
