package io.maestro.conductor.hub.certification;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.devkit.bundle.VerifiedBundle;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.bundles.AdapterBundles;
import io.maestro.conductor.hub.certification.ReviewRequest.Decision;
import io.maestro.conductor.hub.certification.ReviewRequest.Submission;
import io.maestro.conductor.registry.Registry;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Submitting partner adapter versions for certification and moving them through it. A submission is verified (signed
 * by a trusted key) before anything happens; then {@code direct:adapter-review} scans it, stores its evidence through
 * {@code storage:} and records it {@code in_review}. Decisions go through the same route (their evidence: who decided
 * what, with which notes). The submitter never decides on their own adapter; a high-risk adapter becomes
 * marketplace-ready only after two different approvers (neither the submitter) approved it.
 */
public class AdapterCertifications {

    static final String REVIEW = "direct:adapter-review";
    static final int MAX_NOTES = 2000;

    private static final Logger log = LoggerFactory.getLogger(AdapterCertifications.class);

    private final AdapterBundles bundles;
    private final CertificationStore store;
    private final Registry registry;
    private final ProducerTemplate template;
    private final CertificationProperties properties;

    public AdapterCertifications(
            AdapterBundles bundles,
            CertificationStore store,
            Registry registry,
            ProducerTemplate template,
            CertificationProperties properties) {
        this.bundles = bundles;
        this.store = store;
        this.registry = registry;
        this.template = template;
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
        Certification recorded =
                review(tenant, environment, id, new Submission(id, actor, properties.instance(), bundle, verified));
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

    /** What a decision did: the certification after it, and whether it only recorded an approval. */
    public record Outcome(Certification certification, boolean approvalOnly) {}

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
        boolean approvalOnly = false;
        if (target == CertificationState.MARKETPLACE_READY && current.dualControl()) {
            if (current.approvals().contains(actor)) {
                throw new ApiRequestException(
                        HttpStatus.CONFLICT,
                        "ALREADY_APPROVED",
                        "this approver has approved it already; a second, different approver must");
            }
            approvalOnly = current.approvals().isEmpty();
        }
        Certification after = review(
                tenant, current.environment(), id, new Decision(current, actor, target, checkedNotes, approvalOnly));
        log.info(
                "event=adapter_certification certification={} tenant={} adapter={} version={} from={} to={}"
                        + " approvalOnly={} actor={}",
                id,
                tenant,
                current.name(),
                current.version(),
                current.state(),
                after.state(),
                approvalOnly,
                actor);
        return new Outcome(after, approvalOnly);
    }

    private Certification review(String tenant, String environment, String id, ReviewRequest request) {
        Exchange done = template.send(REVIEW, exchange -> {
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, tenant);
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, environment);
            exchange.getMessage().setHeader(AdapterHeaders.CORRELATION_ID, "certification-" + id);
            exchange.getMessage().setHeader(AdapterHeaders.ACTOR, request.actor());
            exchange.setProperty(ReviewRequest.PROPERTY, request);
        });
        Exception failure = done.getException() != null
                ? done.getException()
                : done.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure != null) {
            throw refusal(failure);
        }
        Certification recorded = done.getProperty(AdapterReview.RESULT, Certification.class);
        if (recorded == null) {
            throw new IllegalStateException("direct:adapter-review recorded nothing");
        }
        return recorded;
    }

    private static RuntimeException refusal(Exception failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof ApiRequestException refused) {
                return refused;
            }
            if (cause instanceof org.springframework.dao.DuplicateKeyException) {
                return new ApiRequestException(
                        HttpStatus.CONFLICT, "CERTIFICATION_EXISTS", "this adapter version was submitted already");
            }
            if (cause instanceof PolicyDeniedException denied && !denied.isTransient()) {
                return new ApiRequestException(
                        HttpStatus.FORBIDDEN,
                        "REVIEW_EVIDENCE_DENIED",
                        "the policy does not let review evidence be stored through the review storage instance");
            }
            if (cause instanceof AdapterException adapter) {
                return new ApiRequestException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "REVIEW_STORAGE_UNAVAILABLE",
                        "review evidence could not be stored (" + adapter.code() + "); nothing was recorded, submit"
                                + " again");
            }
            cause = cause.getCause();
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
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
