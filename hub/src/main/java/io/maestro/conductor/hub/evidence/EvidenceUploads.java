package io.maestro.conductor.hub.evidence;

import io.maestro.conductor.adapter.AdapterHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.MDC;

/** Hands a parsed bundle to the evidence-upload route and reads back how it ended. */
public class EvidenceUploads {

    private final ProducerTemplate template;
    private final EvidenceDeadLetters deadLetters;

    public EvidenceUploads(ProducerTemplate template, EvidenceDeadLetters deadLetters) {
        this.template = template;
        this.deadLetters = deadLetters;
    }

    /**
     * @return an {@link EvidenceStored} or an {@link EvidenceFailure}
     */
    public Object upload(EvidenceBundle bundle, String actor) {
        return send(bundle, actor, null);
    }

    /** Sends a dead letter's bundle again; on success the dead letter is resolved, else it keeps the new failure. */
    public Object retry(EvidenceBundle bundle, String actor, String deadLetterId) {
        deadLetters.countRetry(deadLetterId);
        Object outcome = send(bundle, actor, deadLetterId);
        if (outcome instanceof EvidenceStored) {
            deadLetters.resolve(deadLetterId);
        }
        return outcome;
    }

    private Object send(EvidenceBundle bundle, String actor, String deadLetterId) {
        Exchange done = template.send(EvidenceExchange.ROUTE, exchange -> {
            exchange.setProperty(EvidenceExchange.BUNDLE, bundle);
            if (deadLetterId != null) {
                exchange.setProperty(EvidenceExchange.DEAD_LETTER_ID, deadLetterId);
            }
            exchange.getMessage().setHeader(AdapterHeaders.TENANT, bundle.tenant());
            exchange.getMessage().setHeader(AdapterHeaders.ENVIRONMENT, bundle.environment());
            exchange.getMessage().setHeader(AdapterHeaders.ACTOR, actor);
            String correlationId = MDC.get("correlationId");
            if (correlationId != null) {
                exchange.getMessage().setHeader(AdapterHeaders.CORRELATION_ID, correlationId);
            }
        });
        if (done.getException() != null) {
            throw new IllegalStateException("the evidence-upload route failed without handling it", done.getException());
        }
        return done.getMessage().getBody();
    }
}
