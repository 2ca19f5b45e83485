package io.maestro.conductor.hub.certification;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.registry.RegistryException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;

/**
 * Sends a submission or decision through {@code direct:adapter-review} (routes/adapter-review.yaml) and answers the
 * certification it recorded, or the refusal that stopped it as the API renders it.
 */
public class ReviewRoute {

    static final String REVIEW = "direct:adapter-review";

    private final ProducerTemplate template;

    public ReviewRoute(ProducerTemplate template) {
        this.template = template;
    }

    Certification review(String tenant, String environment, String id, ReviewRequest request) {
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
            throw new IllegalStateException(REVIEW + " recorded nothing");
        }
        return recorded;
    }

    private static RuntimeException refusal(Exception failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof ApiRequestException refused) {
                return refused;
            }
            if (cause instanceof RegistryException refused) {
                // a change request refused (self-approval, no longer pending, expired): the API maps the code
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
}
