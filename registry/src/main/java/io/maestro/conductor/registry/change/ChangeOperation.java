package io.maestro.conductor.registry.change;

/** What an approved change request does. */
public enum ChangeOperation {
    INSTALL,
    UPDATE,
    UNINSTALL,
    /**
     * Lists a high-risk partner adapter in the marketplace. The hub applies it (its certification moves to
     * marketplace-ready): the registry only keeps the request, its dual control and its receipts.
     */
    MARKETPLACE_LISTING;

    /** Applied by whoever asked for it (see {@code ChangeRequests.approveExternal}), not by the registry. */
    public boolean external() {
        return this == MARKETPLACE_LISTING;
    }
}
