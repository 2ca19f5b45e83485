package io.maestro.conductor.hub.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.devkit.bundle.Checksums;
import io.maestro.conductor.devkit.bundle.VerifiedBundle;
import io.maestro.conductor.devkit.manifest.AdapterManifest;
import io.maestro.conductor.devkit.review.AdapterReviewScan;
import io.maestro.conductor.devkit.review.KnownBadDependencies;
import io.maestro.conductor.devkit.review.ReviewFinding;
import io.maestro.conductor.devkit.review.RiskRating;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.certification.ReviewRequest.Decision;
import io.maestro.conductor.hub.certification.ReviewRequest.Submission;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.ChangeRequests.Draft;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.change.ChangeOperation;
import io.maestro.conductor.registry.change.ChangeRequest;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of {@code routes/adapter-review.yaml}. {@link #prepare} decides what the review is: a submitted package
 * (scanned now: the jar against its manifest, declared against used permissions, the declared libraries against the
 * known-bad list, the secret fields the manifest marks; rated; its evidence made), a reviewer's decision (its
 * evidence made), or an installed instance (nothing to store: its adapter's certification is looked up). The route
 * puts the evidence objects through {@code storage:}; {@link #record} then writes the certification row and its
 * receipts in one transaction, so a review whose evidence was not stored changes nothing.
 */
public class AdapterReview {

    /** Exchange property: the {@link ReviewEvidence} objects the route stores, in order. */
    public static final String EVIDENCE = "reviewEvidence";
    /** Exchange property: the certification as recorded (a submission or decision). */
    public static final String RESULT = "certification";
    /** Exchange property: an instance review's outcome, the state of its adapter's certification or uncertified. */
    public static final String OUTCOME = "reviewOutcome";

    static final String SYSTEM_ACTOR = "system:adapter-review";
    /** Partner code and its review findings are the submitting tenant's confidential data. */
    static final String CLASSIFICATION = "confidential";

    private final Registry registry;
    private final CertificationStore store;
    private final KnownBadDependencies knownBad;
    private final String knownBadSha256;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Duration listingTtl;
    private final Clock clock;

    public AdapterReview(
            Registry registry,
            CertificationStore store,
            byte[] knownBadList,
            ObjectMapper json,
            DataSource dataSource,
            Duration listingTtl,
            Clock clock) {
        this.registry = registry;
        this.store = store;
        this.knownBad = KnownBadDependencies.parse(new String(knownBadList, java.nio.charset.StandardCharsets.UTF_8));
        this.knownBadSha256 = Checksums.sha256(knownBadList);
        this.json = json;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.listingTtl = listingTtl;
        this.clock = clock;
    }

    static boolean needsDualControl(String riskRating) {
        return RiskRating.valueOf(riskRating).needsDualControl();
    }

    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        String tenant = message.getHeader(AdapterHeaders.TENANT, String.class);
        String environment = message.getHeader(AdapterHeaders.ENVIRONMENT, String.class);
        ReviewRequest request = exchange.getProperty(ReviewRequest.PROPERTY, ReviewRequest.class);
        List<ReviewEvidence> evidence = new ArrayList<>();
        if (request instanceof Submission submission) {
            evidence.addAll(submissionEvidence(submission));
            regionOf(message, tenant, environment, submission.storageInstance());
        } else if (request instanceof Decision decision) {
            evidence.add(decisionEvidence(decision));
            regionOf(message, tenant, environment, decision.certification().evidenceInstance());
        } else {
            String instance = message.getHeader(AdapterHeaders.INSTANCE, String.class);
            exchange.setProperty(
                    OUTCOME,
                    registry.instance(tenant, environment, instance == null ? "" : instance)
                            .flatMap(i -> store.byAdapter(i.definitionName(), i.definitionVersion()))
                            .map(Certification::state)
                            .orElse("uncertified"));
        }
        exchange.setProperty(EVIDENCE, evidence);
    }

    public void record(Exchange exchange) {
        Message message = exchange.getMessage();
        String tenant = message.getHeader(AdapterHeaders.TENANT, String.class);
        String environment = message.getHeader(AdapterHeaders.ENVIRONMENT, String.class);
        ReviewRequest request = exchange.getProperty(ReviewRequest.PROPERTY, ReviewRequest.class);
        @SuppressWarnings("unchecked")
        List<ReviewEvidence> evidence = exchange.getProperty(EVIDENCE, List.class);
        if (request instanceof Submission submission) {
            Certification recorded = tx.execute(s -> recordSubmission(tenant, environment, submission, evidence));
            exchange.setProperty(RESULT, recorded);
            exchange.setProperty(OUTCOME, recorded.state());
            message.setBody(recorded);
        } else if (request instanceof Decision decision) {
            Certification recorded = tx.execute(s -> recordDecision(decision, evidence));
            exchange.setProperty(RESULT, recorded);
            exchange.setProperty(OUTCOME, recorded.state());
            message.setBody(recorded);
        } else {
            message.setBody("reviewed " + tenant + "/" + environment + "/"
                    + message.getHeader(AdapterHeaders.INSTANCE, String.class));
        }
    }

    // ---- submission

    private List<ReviewEvidence> submissionEvidence(Submission submission) {
        VerifiedBundle verified = submission.verified();
        AdapterManifest manifest = verified.manifest();
        AdapterReviewScan.Report report = AdapterReviewScan.scan(manifest, verified.jar(), knownBad);
        String prefix = prefix(manifest.name(), manifest.version(), submission.id());
        ObjectNode scan = json.createObjectNode();
        scan.put("certification", submission.id());
        ObjectNode adapter = scan.putObject("adapter");
        adapter.put("name", manifest.name())
                .put("version", manifest.version())
                .put("category", manifest.category())
                .put("owner", manifest.tree().path("owner").path("name").asText())
                .put("scheme", manifest.scheme())
                .put("declaredRisk", manifest.riskLevel());
        scan.put("rating", report.rating().name())
                .put("dualControl", report.rating().needsDualControl());
        scan.set("findings", findings(report.findings()));
        scan.putObject("checksums")
                .put("bundle", Checksums.sha256(submission.bundle()))
                .put("jar", verified.jarSha256())
                .put("manifest", verified.manifestSha256());
        scan.put("keyId", verified.keyId());
        scan.putPOJO("permissions", manifest.permissions());
        scan.putPOJO("dependencies", manifest.dependencies());
        scan.put("knownBadListSha256", knownBadSha256);
        // the secret-field check: the manifest validator refused the package unless every credential-like field is
        // marked secret; these are the fields it marks (names only, a manifest never holds values)
        scan.putPOJO("secretFields", secretFields(manifest.configSchema()));
        scan.put(
                "reviewerNotes",
                "automated scan: " + report.findings().size() + " finding(s), rated "
                        + report.rating().name());
        List<ReviewEvidence> objects = new ArrayList<>();
        objects.add(new ReviewEvidence(prefix + "bundle.zip", "application/zip", submission.bundle()));
        objects.add(new ReviewEvidence(prefix + "scan.json", "application/json", bytes(scan)));
        objects.add(manifestOf(prefix, objects));
        return objects;
    }

    private Certification recordSubmission(
            String tenant, String environment, Submission submission, List<ReviewEvidence> evidence) {
        VerifiedBundle verified = submission.verified();
        AdapterManifest manifest = verified.manifest();
        if (store.byAdapter(manifest.name(), manifest.version()).isPresent()) {
            throw exists(manifest);
        }
        JsonNode scan = read(evidence.get(1).content());
        ReceiptLedger ledger = registry.receipts();
        Instant now = clock.instant();
        ObjectNode submitted = transition(submission.id(), manifest.name(), manifest.version(), null, "submitted")
                .put("bundleSha256", scan.path("checksums").path("bundle").asText());
        ledger.append(tenant, environment, submission.actor(), ReceiptAction.CERTIFICATION, manifest.name(), submitted);
        ReviewEvidence evidenceManifest = evidence.get(evidence.size() - 1);
        Receipt stored = ledger.append(
                tenant,
                environment,
                SYSTEM_ACTOR,
                ReceiptAction.EVIDENCE_STORED,
                submission.storageInstance(),
                evidenceChangeSet(submission.id(), evidence));
        ledger.append(
                tenant,
                environment,
                SYSTEM_ACTOR,
                ReceiptAction.CERTIFICATION,
                manifest.name(),
                transition(submission.id(), manifest.name(), manifest.version(), "submitted", "in_review")
                        .put("rating", scan.path("rating").asText())
                        .put("evidenceSha256", evidenceManifest.sha256()));
        Certification row = new Certification(
                submission.id(),
                tenant,
                environment,
                manifest.name(),
                manifest.version(),
                manifest.category(),
                manifest.tree().path("owner").path("name").asText(),
                CertificationState.IN_REVIEW.id(),
                scan.path("rating").asText(),
                scan.path("dualControl").asBoolean(),
                scan.path("findings"),
                verified.keyId(),
                verified.jarSha256(),
                verified.manifestSha256(),
                evidenceManifest.sha256(),
                stored.id(),
                submission.actor(),
                now,
                null,
                null,
                now,
                List.of(),
                null,
                submission.storageInstance(),
                prefix(manifest.name(), manifest.version(), submission.id()));
        store.insert(row);
        return row;
    }

    // ---- decision

    private ReviewEvidence decisionEvidence(Decision decision) {
        Certification c = decision.certification();
        ObjectNode document = json.createObjectNode()
                .put("certification", c.id())
                .put("adapter", c.name())
                .put("version", c.version())
                .put("from", c.state())
                .put("to", decision.to().id())
                .put("step", decision.step().name())
                .put("changeRequest", decision.changeRequest())
                .put("reviewer", decision.actor())
                .put("reviewerNotes", decision.notes())
                .put("evidenceSha256", c.evidenceSha256())
                .put("at", clock.instant().toString());
        String name = "decision-" + clock.millis() + "-"
                + switch (decision.step()) {
                    case MOVE -> decision.to().id();
                    case REQUEST_LISTING -> "listing-request";
                    case APPROVE_LISTING -> "listing-approval";
                }
                + ".json";
        return new ReviewEvidence(c.evidencePrefix() + name, "application/json", bytes(document));
    }

    private Certification recordDecision(Decision decision, List<ReviewEvidence> evidence) {
        Certification c = decision.certification();
        Instant now = clock.instant();
        ObjectNode changeSet = transition(
                        c.id(), c.name(), c.version(), c.state(), decision.to().id())
                .put("decisionSha256", evidence.get(0).sha256())
                .put("evidenceSha256", c.evidenceSha256());
        switch (decision.step()) {
            case MOVE -> {
                receipt(decision, changeSet);
                move(decision, now);
            }
            case REQUEST_LISTING -> {
                // the state stays: the change request moves it once a second approver approves
                Receipt asked = receipt(decision, changeSet.put("to", c.state()).put("listing", "requested"));
                ChangeRequest request = registry.changeRequests()
                        .submit(
                                new Actor(decision.actor()),
                                Draft.external(
                                        c.tenant(),
                                        c.environment(),
                                        c.name(),
                                        ChangeOperation.MARKETPLACE_LISTING,
                                        List.of(MarketplaceListings.ACTION),
                                        listingDocument(c)),
                                asked.id(),
                                listingTtl);
                if (!store.requestListing(c.id(), request.id())) {
                    throw changed();
                }
            }
            case APPROVE_LISTING -> {
                Receipt approved = receipt(
                        decision, changeSet.put("listing", "approved").put("changeRequest", decision.changeRequest()));
                registry.changeRequests()
                        .approveExternal(
                                new Actor(decision.actor()),
                                c.tenant(),
                                decision.changeRequest(),
                                approved.id(),
                                request -> {
                                    move(decision, now);
                                    return listingDocument(c)
                                            .put("from", c.state())
                                            .put("to", decision.to().id());
                                });
            }
        }
        return store.find(c.tenant(), c.id()).orElseThrow();
    }

    private Receipt receipt(Decision decision, ObjectNode changeSet) {
        Certification c = decision.certification();
        return registry.receipts()
                .append(
                        c.tenant(),
                        c.environment(),
                        decision.actor(),
                        ReceiptAction.CERTIFICATION,
                        c.name(),
                        changeSet);
    }

    private void move(Decision decision, Instant now) {
        Certification c = decision.certification();
        if (!store.move(c.id(), c.stateValue(), decision.to(), decision.actor(), decision.notes(), now)) {
            throw changed();
        }
    }

    /** What a listing's change request names: the certification and its adapter version. */
    private ObjectNode listingDocument(Certification c) {
        return json.createObjectNode()
                .put("certification", c.id())
                .put("adapter", c.name())
                .put("version", c.version());
    }

    private static ApiRequestException changed() {
        return new ApiRequestException(
                HttpStatus.CONFLICT,
                "CERTIFICATION_CHANGED",
                "the certification changed while this decision was made; read it again");
    }

    // ---- shared

    static String prefix(String name, String version, String id) {
        return "adapter-review/" + name + "/" + version + "/" + id + "/";
    }

    static ApiRequestException exists(AdapterManifest manifest) {
        return new ApiRequestException(
                HttpStatus.CONFLICT,
                "CERTIFICATION_EXISTS",
                manifest.name() + " " + manifest.version() + " was submitted already; submit a new version");
    }

    private void regionOf(Message message, String tenant, String environment, String storageInstance) {
        registry.instance(tenant, environment, storageInstance)
                .ifPresent(i -> message.setHeader(AdapterHeaders.DATA_REGION, i.region()));
        message.setHeader(AdapterHeaders.DATA_CLASSIFICATION, CLASSIFICATION);
    }

    private ObjectNode transition(String id, String name, String version, String from, String to) {
        ObjectNode changeSet = json.createObjectNode()
                .put("certification", id)
                .put("adapter", name)
                .put("version", version);
        changeSet.put("from", from).put("to", to);
        return changeSet;
    }

    private ObjectNode evidenceChangeSet(String id, List<ReviewEvidence> evidence) {
        ObjectNode changeSet = json.createObjectNode().put("certification", id);
        ArrayNode files = changeSet.putArray("files");
        evidence.forEach(e ->
                files.addObject().put("key", e.key()).put("sha256", e.sha256()).put("size", e.size()));
        return changeSet;
    }

    private ReviewEvidence manifestOf(String prefix, List<ReviewEvidence> objects) {
        ObjectNode manifest = json.createObjectNode().put("algorithm", "SHA-256");
        ObjectNode files = manifest.putObject("files");
        objects.forEach(o -> files.put(o.key().substring(prefix.length()), o.sha256()));
        return new ReviewEvidence(prefix + "evidence-manifest.json", "application/json", bytes(manifest));
    }

    private ArrayNode findings(List<ReviewFinding> findings) {
        ArrayNode array = json.createArrayNode();
        findings.forEach(f -> array.addObject()
                .put("check", f.check())
                .put("severity", f.severity().name())
                .put("message", f.message()));
        return array;
    }

    private static List<String> secretFields(JsonNode configSchema) {
        List<String> names = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields =
                configSchema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().path("format").asText().equals("password")
                    || field.getValue().path("x-secret").asBoolean()) {
                names.add(field.getKey());
            }
        }
        return names;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(byte[] content) {
        try {
            return json.readTree(content);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
