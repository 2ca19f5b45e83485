package io.maestro.conductor.hub.certification;

import io.maestro.conductor.devkit.bundle.VerifiedBundle;

/**
 * What {@code direct:adapter-review} is asked to do besides an installed instance's review (exchange property
 * {@value #PROPERTY}): scan a submitted package, or record a reviewer's decision.
 */
public sealed interface ReviewRequest {

    String PROPERTY = "adapterReviewRequest";

    String actor();

    /** A signed package a tenant submitted: verified, not yet scanned. */
    record Submission(String id, String actor, String storageInstance, byte[] bundle, VerifiedBundle verified)
            implements ReviewRequest {}

    /**
     * A reviewer moves a certification to {@code to}; {@code approvalOnly}: the first of the two approvals a
     * high-risk adapter needs before it becomes marketplace-ready, which records the approval and moves nothing.
     */
    record Decision(
            Certification certification, String actor, CertificationState to, String notes, boolean approvalOnly)
            implements ReviewRequest {}
}
