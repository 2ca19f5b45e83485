package io.maestro.conductor.hub.governance;

import io.maestro.conductor.hub.governance.GovernedLifecycle.Outcome;
import io.maestro.conductor.registry.change.ChangeRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a lifecycle action that waits for an approver: 202 Accepted, {@code Location} of the change request,
 * the code ({@code APPROVAL_REQUIRED} when the policy asked for it, {@value #REQUESTED} when the caller asked for a
 * second pair of eyes), the policy's reasons, and the request itself.
 */
public record PendingChangeView(String code, List<String> reasons, String decisionId, ChangeRequest changeRequest) {

    static final String REQUESTED = "CHANGE_REQUESTED";

    public static ResponseEntity<PendingChangeView> accepted(Outcome outcome) {
        ChangeRequest pending = outcome.pending();
        return ResponseEntity.accepted()
                .location(URI.create("/api/tenants/" + pending.tenant() + "/change-requests/" + pending.id()))
                .body(new PendingChangeView(
                        outcome.verdict().approvalRequired() ? LifecycleGate.APPROVAL_REQUIRED : REQUESTED,
                        outcome.verdict().reasons(),
                        outcome.verdict().decisionId(),
                        pending));
    }
}
