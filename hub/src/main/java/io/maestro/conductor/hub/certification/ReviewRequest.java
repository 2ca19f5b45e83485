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

    /** How a decision goes: at once, or (listing a high-risk adapter) through a governance change request. */
    enum Step {
        /** The state moves now. */
        MOVE,
        /** Opens the change request that asks to list a high-risk adapter; the state stays {@code certified}. */
        REQUEST_LISTING,
        /** A second person approves that change request ({@code changeRequest}): the adapter is listed. */
        APPROVE_LISTING
    }

    /** A reviewer moves a certification to {@code to}, or asks for or approves its listing ({@code step}). */
    record Decision(
            Certification certification,
            String actor,
            CertificationState to,
            String notes,
            Step step,
            String changeRequest)
            implements ReviewRequest {

        static Decision move(Certification certification, String actor, CertificationState to, String notes) {
            return new Decision(certification, actor, to, notes, Step.MOVE, null);
        }
    }
}
