package io.maestro.conductor.hub.governance;

import io.maestro.conductor.hub.governance.GovernedLifecycle.Outcome;
import io.maestro.conductor.registry.change.ChangeRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a lifecycle action that waits for an approver: 202 Accepted, {@code Location} of the change request,
 * the policy's code ({@code APPROVAL_REQUIRED}) and reasons, and the request itself.
 */
public record PendingChangeView(String code, List<String> reasons, String decisionId, ChangeRequest changeRequest) {

    public static ResponseEntity<PendingChangeView> accepted(Outcome outcome) {
        ChangeRequest pending = outcome.pending();
        return ResponseEntity.accepted()
                .location(URI.create("/api/tenants/" + pending.tenant() + "/change-requests/" + pending.id()))
                .body(new PendingChangeView(LifecycleGate.APPROVAL_REQUIRED, outcome.verdict().reasons(),
                        outcome.verdict().decisionId(), pending));
    }
}
