package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.events.ConductorEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Claims a parsed bundle, hands it to the evidence-upload route and reads back how it ended. An identical replay of
 * a stored bundle never reaches the route. The staged files are removed once nothing needs them: kept while a dead
 * letter refers to them. Counts every outcome in {@value #METRIC}{@code {outcome}}.
 */
public class EvidenceUploads {

    static final String METRIC = "conductor.evidence.uploads";

    private final ProducerTemplate template;
    private final EvidenceDeadLetters deadLetters;
    private final EvidenceClaims claims;
    private final EvidenceSpool spool;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    public EvidenceUploads(
            ProducerTemplate template,
            EvidenceDeadLetters deadLetters,
            EvidenceClaims claims,
            EvidenceSpool spool,
            ObjectMapper json,
            MeterRegistry meters,
            ApplicationEventPublisher events) {
        this.template = template;
        this.deadLetters = deadLetters;
        this.claims = claims;
        this.spool = spool;
        this.json = json;
        this.meters = meters;
        this.events = events;
    }

    /**
     * @return an {@link EvidenceStored}, a {@link Replay} or an {@link EvidenceFailure}
     * @throws EvidenceExistsException when the bundle id is taken by other content or a running upload
     */
    public Object upload(EvidenceBundle bundle, String actor) {
        return send(bundle, actor, null);
    }

    /** Sends a dead letter's bundle again; once it is stored the dead letter is resolved, else keeps the failure. */
    public Object retry(EvidenceBundle bundle, String actor, String deadLetterId) {
        deadLetters.countRetry(deadLetterId);
        Object outcome = send(bundle, actor, deadLetterId);
        if (outcome instanceof EvidenceStored || outcome instanceof Replay) {
            deadLetters.resolve(deadLetterId);
        }
        return outcome;
    }

    private Object send(EvidenceBundle bundle, String actor, String deadLetterId) {
        Object outcome = null;
        boolean claimed = false;
        try {
            Optional<EvidenceStored> earlier =
                    claims.claim(bundle, EvidenceManifest.of(bundle, json).sha256());
            claimed = earlier.isEmpty();
            outcome = earlier.<Object>map(Replay::new).orElseGet(() -> route(bundle, actor, deadLetterId));
            if (outcome instanceof EvidenceStored stored) {
                events.publishEvent(new ConductorEvent(
                        stored.tenant(),
                        stored.environment(),
                        ConductorEvent.EVIDENCE_STORED,
                        actor,
                        Map.of(
                                "bundleId", stored.bundleId(),
                                "instance", stored.instance(),
                                "receiptId", stored.receiptId(),
                                "files", String.valueOf(stored.files().size()))));
            }
            return outcome;
        } catch (EvidenceExistsException taken) {
            count("conflict");
            throw taken;
        } finally {
            boolean done = outcome instanceof EvidenceStored || outcome instanceof Replay;
            boolean deadLettered = outcome instanceof EvidenceFailure failure && failure.failedId() != null;
            // Only a claim this call made: two retries of one dead letter share its upload id, so releasing on a
            // refused claim would take the running retry's claim away from under it.
            if (claimed && !done) {
                claims.release(bundle);
            }
            if (done || (deadLetterId == null && !deadLettered)) {
                spool.delete(bundle.uploadId());
            }
            if (outcome != null) {
                count(
                        done
                                ? (outcome instanceof Replay ? "replayed" : "stored")
                                : deadLettered ? "dead_lettered" : "denied");
            }
        }
    }

    private Object route(EvidenceBundle bundle, String actor, String deadLetterId) {
        Exchange done = template.send(EvidenceExchange.ROUTE, exchange -> {
            exchange.setProperty(EvidenceExchange.BUNDLE, bundle);
            if (deadLetterId != null) {
                exchange.setProperty(EvidenceExchange.DEAD_LETTER_ID, deadLetterId);
            }
            EvidenceExchange.caller(exchange.getMessage(), bundle.tenant(), bundle.environment(), actor);
        });
        if (done.getException() != null) {
            throw new IllegalStateException(
                    "the evidence-upload route failed without handling it", done.getException());
        }
        return done.getMessage().getBody();
    }

    private void count(String outcome) {
        meters.counter(METRIC, "outcome", outcome).increment();
    }

    /** An identical replay of a stored bundle: the reply it got when it was stored, receipt included. */
    public record Replay(EvidenceStored reply) {}
}
