package io.maestro.conductor.hub.certification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.bundles.AdapterBundles;
import io.maestro.conductor.hub.security.ConductorUser;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/marketplace}: the partner adapters that passed review, for anyone who may read the API. Each
 * carries its badge ({@code certified}, or {@code marketplace-ready} once listed), its rating, whether it needed dual
 * control, the checksum of its jar and whether this hub runs it: what a tenant needs to choose and verify an adapter.
 * The review's details (findings, signing key, evidence checksum, reviewer, approvals) are for the hub's people of
 * every tenant only: a tenant's user does not get them (the findings describe weaknesses of partner code, the
 * reviewer is an operator's name). Never the submitting tenant, the evidence's storage location, notes or anything of
 * the partner's configuration.
 */
@RestController
public class MarketplaceController {

    /** One listed adapter version; the review's details are absent (null) for a tenant's user. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Listing(
            String name,
            String version,
            String category,
            String owner,
            String badge,
            String riskRating,
            boolean dualControl,
            String jarSha256,
            boolean installed,
            Review review) {}

    /** What the review found and who decided: for the hub's people of every tenant. */
    public record Review(
            int approvals,
            JsonNode findings,
            String keyId,
            String evidenceSha256,
            String reviewedBy,
            Instant reviewedAt) {}

    private final CertificationStore store;
    private final AdapterBundles bundles;

    public MarketplaceController(CertificationStore store, AdapterBundles bundles) {
        this.store = store;
        this.bundles = bundles;
    }

    @GetMapping("/api/marketplace")
    public List<Listing> marketplace(Authentication caller) {
        boolean ofEveryTenant = caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + ConductorUser.ALL_TENANTS_ROLE));
        return store.listed().stream()
                .map(c -> new Listing(
                        c.name(),
                        c.version(),
                        c.category(),
                        c.owner(),
                        badge(c.stateValue()),
                        c.riskRating(),
                        c.dualControl(),
                        c.jarSha256(),
                        bundles.list().stream()
                                .anyMatch(a ->
                                        a.name().equals(c.name()) && a.version().equals(c.version())),
                        ofEveryTenant ? review(c) : null))
                .toList();
    }

    private static Review review(Certification c) {
        return new Review(
                c.approvals().size(), c.findings(), c.keyId(), c.evidenceSha256(), c.reviewedBy(), c.updatedAt());
    }

    static String badge(CertificationState state) {
        return state == CertificationState.MARKETPLACE_READY ? "marketplace-ready" : "certified";
    }
}
