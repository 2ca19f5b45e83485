package io.maestro.conductor.hub.certification;

import io.maestro.conductor.devkit.bundle.VerifiedBundle;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.bundles.AdapterBundles;
import io.maestro.conductor.hub.certification.ReviewRequest.Decision;
import io.maestro.conductor.hub.certification.ReviewRequest.Submission;
import io.maestro.conductor.registry.Registry;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Submitting partner adapter versions for certification and moving them through it. A submission is verified (signed
 * by a trusted key) before anything happens; then {@code direct:adapter-review} scans it, stores its evidence through
 * {@code storage:} and records it {@code in_review}. Decisions go through the same route (their evidence: who decided
 * what, with which notes). The submitter never decides on their own adapter; a high-risk adapter becomes
 * marketplace-ready only through a governance change request that a second approver approves
 * ({@link MarketplaceListings}).
 */
public class AdapterCertifications {

    static final int MAX_NOTES = 2000;

    private static final Logger log = LoggerFactory.getLogger(AdapterCertifications.class);

    private final AdapterBundles bundles;
    private final CertificationStore store;
    private final Registry registry;
    private final ReviewRoute route;
    private final MarketplaceListings listings;
    private final CertificationProperties properties;

    public AdapterCertifications(
            AdapterBundles bundles,
            CertificationStore store,
            Registry registry,
            ReviewRoute route,
            MarketplaceListings listings,
            CertificationProperties properties) {
        this.bundles = bundles;
        this.store = store;
        this.registry = registry;
        this.route = route;
        this.listings = listings;
        this.properties = properties;
    }

    public Certification submit(String actor, String tenant, String environment, byte[] bundle) {
        registry.requireEnvironment(tenant, environment);
        VerifiedBundle verified = bundles.verify(bundle, actor);
        if (store.byAdapter(verified.manifest().name(), verified.manifest().version())
                .isPresent()) {
            throw AdapterReview.exists(verified.manifest());
        }
        if (registry.instance(tenant, environment, properties.instance()).isEmpty()) {
            throw new ApiRequestException(
                    HttpStatus.CONFLICT,
                    "REVIEW_STORAGE_MISSING",
                    "the environment has no storage instance named " + properties.instance()
                            + " for review evidence (conductor.adapter-review.instance)");
        }
        String id = UUID.randomUUID().toString();
        Certification recorded = route.review(
                tenant, environment, id, new Submission(id, actor, properties.instance(), bundle, verified));
        log.info(
                "event=adapter_submitted certification={} tenant={} environment={} adapter={} version={} rating={}"
                        + " actor={}",
                id,
                tenant,
                environment,
                recorded.name(),
                recorded.version(),
                recorded.riskRating(),
                actor);
        return recorded;
    }

    public Certification require(String tenant, String id) {
        return store.find(tenant, id)
                .orElseThrow(() -> new ApiRequestException(
                        HttpStatus.NOT_FOUND, "CERTIFICATION_NOT_FOUND", "no such certification in this tenant"));
    }

    public List<Certification> list(String tenant, int limit) {
        return store.list(tenant, limit);
    }

    /**
     * What a decision did: the certification after it; {@code waiting}: it opened (or, replayed by its requester,
     * answered again) the change request that asks to list a high-risk adapter, which a second approver approves.
     */
    public record Outcome(Certification certification, boolean waiting) {}

    public synchronized Outcome decide(String actor, String tenant, String id, String to, String notes) {
        CertificationState target = CertificationState.fromId(to == null ? "" : to)
                .orElseThrow(() -> new ApiRequestException(
                        HttpStatus.BAD_REQUEST,
                        "STATE_INVALID",
                        "to must be one of in_review, certified, rejected, marketplace_ready"));
        String checkedNotes = notes(notes);
        Certification current = require(tenant, id);
        if (current.submittedBy().equals(actor)) {
            throw new ApiRequestException(
                    HttpStatus.FORBIDDEN,
                    "SELF_APPROVAL",
                    "the submitter of an adapter cannot review or approve it; another reviewer must");
        }
        if (!current.stateValue().next().contains(target) || target == CertificationState.IN_REVIEW) {
            throw new ApiRequestException(
                    HttpStatus.CONFLICT,
                    "TRANSITION_INVALID",
                    "a certification cannot go from " + current.state() + " to " + target.id());
        }
        boolean waiting = target == CertificationState.MARKETPLACE_READY && current.dualControl();
        Certification after = waiting
                ? listings.request(actor, current, checkedNotes)
                : route.review(tenant, current.environment(), id, Decision.move(current, actor, target, checkedNotes));
        log.info(
                "event=adapter_certification certification={} tenant={} adapter={} version={} from={} to={}"
                        + " waiting={} actor={}",
                id,
                tenant,
                current.name(),
                current.version(),
                current.state(),
                after.state(),
                waiting,
                actor);
        return new Outcome(after, waiting);
    }

    private static String notes(String notes) {
        if (notes == null) {
            return null;
        }
        if (notes.length() > MAX_NOTES) {
            throw new ApiRequestException(
                    HttpStatus.BAD_REQUEST, "NOTES_INVALID", "notes have at most " + MAX_NOTES + " characters");
        }
        if (notes.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new ApiRequestException(
                    HttpStatus.BAD_REQUEST, "NOTES_INVALID", "notes hold no control characters besides newlines");
        }
        return notes;
    }
}
