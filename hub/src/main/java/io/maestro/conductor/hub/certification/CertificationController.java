package io.maestro.conductor.hub.certification;

import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.hub.api.PageLimit;
import io.maestro.conductor.hub.security.TenantAccess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certification of partner adapters over HTTP. A tenant's operators submit a signed package (the review runs at once
 * and answers {@code in_review} with its rating and findings) and read their tenant's certifications; approvers who
 * see every tenant decide ({@code POST .../transitions}; SecurityConfiguration guards the path). Another tenant's
 * certifications are not found.
 */
@RestController
public class CertificationController {

    private final AdapterCertifications certifications;
    private final TenantAccess access;

    public CertificationController(AdapterCertifications certifications, TenantAccess access) {
        this.certifications = certifications;
        this.access = access;
    }

    @PostMapping(
            path = "/api/tenants/{tenant}/environments/{env}/adapter-certifications",
            consumes = {"application/zip", "application/octet-stream"})
    public ResponseEntity<Certification> submit(
            Authentication caller, @PathVariable String tenant, @PathVariable String env, InputStream body)
            throws IOException {
        access.requireEnvironment(caller, tenant, env);
        // the request body limit (conductor.api.body-limits) bounds what this reads
        byte[] bundle = body.readAllBytes();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(certifications.submit(caller.getName(), tenant, env, bundle));
    }

    @GetMapping("/api/tenants/{tenant}/adapter-certifications")
    public List<Certification> list(
            Authentication caller, @PathVariable String tenant, @RequestParam(defaultValue = "100") int limit) {
        access.requireKnown(caller, tenant);
        PageLimit.checked(limit);
        return certifications.list(tenant, limit);
    }

    @GetMapping("/api/tenants/{tenant}/adapter-certifications/{id}")
    public Certification get(Authentication caller, @PathVariable String tenant, @PathVariable String id) {
        access.requireKnown(caller, tenant);
        return certifications.require(tenant, id);
    }

    /**
     * 200 when the state moved; 202 (with {@code Location} of the change request) when it asked to list a high-risk
     * adapter, which a second approver approves through the governance change requests.
     */
    @PostMapping(path = "/api/tenants/{tenant}/adapter-certifications/{id}/transitions", consumes = "application/json")
    public ResponseEntity<Certification> decide(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String id,
            @RequestBody TransitionBody body) {
        access.requireKnown(caller, tenant);
        if (body == null) {
            throw new ApiRequestException(
                    HttpStatus.BAD_REQUEST, "STATE_INVALID", "a decision names the state to go to");
        }
        AdapterCertifications.Outcome outcome =
                certifications.decide(caller.getName(), tenant, id, body.to(), body.notes());
        Certification after = outcome.certification();
        if (outcome.waiting()) {
            return ResponseEntity.accepted()
                    .location(URI.create("/api/tenants/" + tenant + "/change-requests/" + after.listingRequest()))
                    .body(after);
        }
        return ResponseEntity.ok(after);
    }
}
