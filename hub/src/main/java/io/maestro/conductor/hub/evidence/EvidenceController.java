package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.api.PageLimit;
import io.maestro.conductor.hub.security.TenantAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP edge of the evidence-upload workflow: checks the caller's tenant scope before reading a byte of the body,
 * parses the bundle (JSON for small ones, multipart/form-data streamed for large files) and hands it to the route
 * ({@code routes/evidence-upload.yaml}), which does the work. Stored bundles can be verified against their receipt;
 * failed uploads stay listed until a retry stores them.
 */
@RestController
@RequestMapping("/api/tenants/{tenant}")
public class EvidenceController {

    private final TenantAccess access;
    private final EvidenceRequestParser parser;
    private final EvidenceMultipartParser multipart;
    private final EvidenceUploads uploads;
    private final EvidenceDeadLetters deadLetters;
    private final EvidenceVerifier verifier;
    private final EvidenceSpool spool;
    private final ObjectMapper json;

    public EvidenceController(
            TenantAccess access,
            EvidenceRequestParser parser,
            EvidenceMultipartParser multipart,
            EvidenceUploads uploads,
            EvidenceDeadLetters deadLetters,
            EvidenceVerifier verifier,
            EvidenceSpool spool,
            ObjectMapper json) {
        this.access = access;
        this.parser = parser;
        this.multipart = multipart;
        this.uploads = uploads;
        this.deadLetters = deadLetters;
        this.verifier = verifier;
        this.spool = spool;
        this.json = json;
    }

    @PostMapping(path = "/environments/{env}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> upload(
            Authentication caller, @PathVariable String tenant, @PathVariable String env, HttpServletRequest request)
            throws IOException {
        access.requireEnvironment(caller, tenant, env);
        return answer(uploads.upload(
                parser.parse(tenant, env, request.getContentLengthLong(), request.getInputStream()), caller.getName()));
    }

    @PostMapping(path = "/environments/{env}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> uploadMultipart(
            Authentication caller, @PathVariable String tenant, @PathVariable String env, HttpServletRequest request) {
        access.requireEnvironment(caller, tenant, env);
        return answer(uploads.upload(multipart.parse(tenant, env, request), caller.getName()));
    }

    @GetMapping("/environments/{env}/evidence/{bundleId}/verify")
    public EvidenceVerification verify(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String env,
            @PathVariable String bundleId) {
        access.requireEnvironment(caller, tenant, env);
        if (!EvidenceKeys.BUNDLE_ID.matcher(bundleId).matches()) {
            throw new EvidenceRequestException("bundleId must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return verifier.verify(tenant, env, bundleId, caller.getName());
    }

    @GetMapping("/evidence/failed")
    public List<EvidenceDeadLetter> failed(
            Authentication caller, @PathVariable String tenant, @RequestParam(defaultValue = "100") int limit) {
        access.requireKnown(caller, tenant);
        PageLimit.checked(limit);
        return deadLetters.failed(tenant, limit);
    }

    @PostMapping("/evidence/failed/{id}/retry")
    public ResponseEntity<?> retry(Authentication caller, @PathVariable String tenant, @PathVariable String id)
            throws IOException {
        access.requireKnown(caller, tenant);
        EvidenceDeadLetters.Kept kept = deadLetters
                .retryable(tenant, id)
                .orElseThrow(() -> new ApiRequestException(
                        HttpStatus.NOT_FOUND,
                        "EVIDENCE_FAILURE_NOT_FOUND",
                        "no failed evidence upload '" + id + "' for tenant '" + tenant + "'"));
        EvidenceBundle bundle = kept.uploadId() == null
                // kept whole by a hub before staging folders existed
                ? parser.parse(tenant, kept.environment(), kept.request().getBytes(StandardCharsets.UTF_8))
                : EvidenceBundleBuilder.restage(
                        tenant, kept.environment(), spool, kept.uploadId(), json.readTree(kept.request()));
        return answer(uploads.retry(bundle, caller.getName(), id));
    }

    private ResponseEntity<?> answer(Object outcome) {
        if (outcome instanceof EvidenceStored stored) {
            return ResponseEntity.created(URI.create("/api/tenants/" + stored.tenant() + "/receipts"))
                    .body(stored);
        }
        if (outcome instanceof EvidenceUploads.Replay replay) {
            return ResponseEntity.ok(replay.reply());
        }
        EvidenceFailure failure = (EvidenceFailure) outcome;
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(failure.status()), failure.detail());
        problem.setTitle(failure.failedId() == null ? "Evidence upload denied" : "Evidence upload failed");
        problem.setProperty("code", failure.code());
        problem.setProperty("bundleId", failure.bundleId());
        if (failure.failedId() != null) {
            problem.setProperty("failedId", failure.failedId());
        }
        if (failure.decisionId() != null) {
            problem.setProperty("decisionId", failure.decisionId());
            problem.setProperty("reasons", failure.reasons());
            problem.setProperty("context", failure.context());
        }
        return ResponseEntity.status(failure.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
