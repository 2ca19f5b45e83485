package io.maestro.conductor.hub.certification;

import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.certification.ReviewRequest.Decision;
import io.maestro.conductor.hub.certification.ReviewRequest.Step;
import io.maestro.conductor.hub.governance.ExternalChangeApproval;
import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.hub.security.ConductorUserDirectory;
import io.maestro.conductor.hub.security.OperatorRole;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.ChangeRequests;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.change.ChangeOperation;
import io.maestro.conductor.registry.change.ChangeRequest;
import io.maestro.conductor.registry.change.ChangeRequestStatus;
import io.maestro.conductor.registry.model.Tenant;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Dual control for listing a high-risk partner adapter, through the governance change requests. A reviewer's
 * {@code marketplace_ready} on a high-risk certified adapter opens a change request ({@code MARKETPLACE_LISTING}, in
 * the submitting tenant, naming the adapter) instead of moving it; the same reviewer asking again gets the same
 * request. A second approver approves it with {@code POST /api/tenants/{tenant}/change-requests/{id}/approve}: never
 * its requester, never the adapter's submitter, and only while both of them still hold the approver role for every
 * tenant (read from the user directory at that moment, not from the caller's login). The approval's evidence goes
 * through {@code direct:adapter-review}; the certification moves, the request closes applied and every step is
 * receipted in one transaction. Rejecting the request (the usual {@code /reject}) leaves the adapter certified.
 */
public class MarketplaceListings implements ExternalChangeApproval {

    /** The lifecycle action the change request names. */
    static final String ACTION = "marketplace-listing";

    private final ReviewRoute route;
    private final CertificationStore store;
    private final Registry registry;
    private final ConductorUserDirectory users;
    private final Clock clock;

    public MarketplaceListings(
            ReviewRoute route, CertificationStore store, Registry registry, ConductorUserDirectory users, Clock clock) {
        this.route = route;
        this.store = store;
        this.registry = registry;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public ChangeOperation operation() {
        return ChangeOperation.MARKETPLACE_LISTING;
    }

    /** Opens the listing's change request, or answers the one this reviewer opened already. */
    Certification request(String actor, Certification current, String notes) {
        requireApprover(actor, "asking to list an adapter");
        Optional<ChangeRequest> pending = pending(current);
        if (pending.isPresent()) {
            if (pending.get().requestedBy().equals(actor)) {
                return current;
            }
            throw new ApiRequestException(
                    HttpStatus.CONFLICT,
                    "LISTING_PENDING",
                    "change request " + pending.get().id() + " asks to list this adapter already; approve or reject"
                            + " it at /api/tenants/" + current.tenant() + "/change-requests/"
                            + pending.get().id());
        }
        return route.review(
                current.tenant(),
                current.environment(),
                current.id(),
                new Decision(current, actor, CertificationState.MARKETPLACE_READY, notes, Step.REQUEST_LISTING, null));
    }

    @Override
    public ChangeRequest approve(ConductorUser approver, Tenant tenant, ChangeRequest request) {
        Actor actor = new Actor(approver.getUsername());
        ChangeRequests.requireSecondPerson(request, actor);
        Certification listed = store.find(
                        tenant.id(), request.change().path("certification").asText())
                .orElseThrow(() -> new IllegalStateException(
                        "change request " + request.id() + " names no certification of its tenant"));
        if (listed.submittedBy().equals(actor.id())) {
            throw new ApiRequestException(
                    HttpStatus.FORBIDDEN,
                    "SELF_APPROVAL",
                    "the submitter of an adapter cannot approve its listing; another approver must");
        }
        requireApprover(actor.id(), "approving a listing");
        requireApprover(request.requestedBy(), "a listing's requester");
        if (request.status() == ChangeRequestStatus.APPLIED && actor.id().equals(request.decidedBy())) {
            return request; // a replayed approval: applied once, by this approver
        }
        if (request.status() != ChangeRequestStatus.PENDING || request.expiredAt(clock.instant())) {
            // nothing to list: the registry closes an expired request or says what became of it
            return registry.changeRequests().approveExternal(actor, tenant.id(), request.id(), null, r -> {
                throw new IllegalStateException("a closed change request is never applied");
            });
        }
        if (listed.stateValue() != CertificationState.CERTIFIED || !request.id().equals(listed.listingRequest())) {
            throw new ApiRequestException(
                    HttpStatus.CONFLICT,
                    "CERTIFICATION_CHANGED",
                    "the certification is " + listed.state() + " now, not the certified adapter this request asked"
                            + " to list; reject the request");
        }
        route.review(
                tenant.id(),
                listed.environment(),
                listed.id(),
                new Decision(
                        listed,
                        actor.id(),
                        CertificationState.MARKETPLACE_READY,
                        null,
                        Step.APPROVE_LISTING,
                        request.id()));
        return registry.changeRequests().require(tenant.id(), request.id());
    }

    /** The listing request still waiting for its approver, if any. */
    private Optional<ChangeRequest> pending(Certification certification) {
        if (certification.listingRequest() == null) {
            return Optional.empty();
        }
        return registry.changeRequests()
                .find(certification.tenant(), certification.listingRequest())
                .filter(r -> r.status() == ChangeRequestStatus.PENDING && !r.expiredAt(clock.instant()));
    }

    /**
     * Listing an adapter shows it to every tenant: whoever asks for it and whoever approves it must hold the
     * approver (or admin) role for every tenant, as configured now.
     */
    private void requireApprover(String user, String what) {
        boolean holds;
        try {
            ConductorUser now = users.loadUserByUsername(user);
            holds = now.scope().allTenants()
                    && (now.roles().contains(OperatorRole.APPROVER)
                            || now.roles().contains(OperatorRole.ADMIN));
        } catch (UsernameNotFoundException gone) {
            holds = false;
        }
        if (!holds) {
            throw new ApiRequestException(
                    HttpStatus.FORBIDDEN,
                    "APPROVER_ROLE_REQUIRED",
                    what + " needs the approver role for every tenant, which " + user + " does not hold now");
        }
    }
}
