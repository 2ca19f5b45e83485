package io.maestro.conductor.hub.evidence;

import java.net.URI;
import java.util.List;

import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.api.PageLimit;
import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP edge of the evidence-upload workflow: checks the caller's tenant scope, parses the bundle and hands it
 * to the route ({@code routes/evidence-upload.yaml}), which does the work. Failed uploads stay listed until a retry
 * stores them.
 */
@RestController
@RequestMapping("/api/tenants/{tenant}")
public class EvidenceController {


    private final TenantAccess access;
    private final EvidenceRequestParser parser;
    private final EvidenceUploads uploads;
    private final EvidenceDeadLetters deadLetters;

    public EvidenceController(TenantAccess access, EvidenceRequestParser parser,
                              EvidenceUploads uploads, EvidenceDeadLetters deadLetters) {
        this.access = access;
        this.parser = parser;
        this.uploads = uploads;
        this.deadLetters = deadLetters;
    }

    @PostMapping(path = "/environments/{env}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> upload(Authentication caller, @PathVariable String tenant, @PathVariable String env,
            @RequestBody String body) {
        requireEnvironment(caller, tenant, env);
        return answer(uploads.upload(parser.parse(tenant, env, body), caller.getName()));
    }

    @GetMapping("/evidence/failed")
    public List<EvidenceDeadLetter> failed(Authentication caller, @PathVariable String tenant,
            @RequestParam(defaultValue = "100") int limit) {
        access.requireKnown(caller, tenant);
        PageLimit.checked(limit);
        return deadLetters.failed(tenant, limit);
    }

    @PostMapping("/evidence/failed/{id}/retry")
    public ResponseEntity<?> retry(Authentication caller, @PathVariable String tenant, @PathVariable String id) {
        access.requireKnown(caller, tenant);
        EvidenceDeadLetter failed = deadLetters.find(tenant, id)
                .filter(letter -> EvidenceDeadLetter.FAILED.equals(letter.status()))
                .orElseThrow(() -> new ApiRequestException(HttpStatus.NOT_FOUND, "EVIDENCE_FAILURE_NOT_FOUND",
                        "no failed evidence upload '" + id + "' for tenant '" + tenant + "'"));
        EvidenceBundle bundle = parser.parse(tenant, failed.environment(), deadLetters.request(id));
        return answer(uploads.retry(bundle, caller.getName(), id));
    }

    private ResponseEntity<?> answer(Object outcome) {
        if (outcome instanceof EvidenceStored stored) {
            return ResponseEntity.created(URI.create("/api/tenants/" + stored.tenant() + "/receipts")).body(stored);
        }
        EvidenceFailure failure = (EvidenceFailure) outcome;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(failure.status()),
                failure.detail());
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
        return ResponseEntity.status(failure.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private void requireEnvironment(Authentication caller, String tenant, String env) {
        if (!access.requireKnown(caller, tenant).hasEnvironment(env)) {
            throw new RegistryException(ErrorCode.ENVIRONMENT_NOT_FOUND,
                    "tenant '" + tenant + "' has no environment '" + env + "'");
        }
    }
}
