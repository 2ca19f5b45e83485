package io.maestro.conductor.hub.governance;

import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.registry.change.ChangeOperation;
import io.maestro.conductor.registry.change.ChangeRequest;
import io.maestro.conductor.registry.model.Tenant;

/**
 * Approves the change requests of an {@linkplain ChangeOperation#external() external} operation: the hub feature that
 * opened them applies them (e.g. listing a high-risk partner adapter), through {@code ChangeRequests.approveExternal},
 * so dual control, receipts, expiry and replays work as for any other change request.
 */
public interface ExternalChangeApproval {

    ChangeOperation operation();

    /** Refuses the requester, checks what the operation needs, applies it exactly once; answers the request after. */
    ChangeRequest approve(ConductorUser approver, Tenant tenant, ChangeRequest request);
}
