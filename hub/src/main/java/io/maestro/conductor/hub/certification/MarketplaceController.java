package io.maestro.conductor.hub.certification;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.bundles.AdapterBundles;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/marketplace}: the partner adapters that passed review, for anyone who may read the API. Each
 * carries its badge ({@code certified}, or {@code marketplace-ready} once listed) and the review's details: rating,
 * findings, whether it needed dual control and how many approved it, the checksums of its jar and evidence. Never the
 * submitting tenant, the evidence's storage location, notes or anything of the partner's configuration.
 */
@RestController
public class MarketplaceController {

    /** One listed adapter version. */
    public record Listing(
            String name,
            String version,
            String category,
            String owner,
            String badge,
            String riskRating,
            boolean dualControl,
            int approvals,
            JsonNode findings,
            String keyId,
            String jarSha256,
            String evidenceSha256,
            String reviewedBy,
            Instant reviewedAt,
            boolean installed) {}

    private final CertificationStore store;
    private final AdapterBundles bundles;

    public MarketplaceController(CertificationStore store, AdapterBundles bundles) {
        this.store = store;
        this.bundles = bundles;
    }

    @GetMapping("/api/marketplace")
    public List<Listing> marketplace() {
        return store.listed().stream()
                .map(c -> new Listing(
                        c.name(),
                        c.version(),
                        c.category(),
                        c.owner(),
                        badge(c.stateValue()),
                        c.riskRating(),
                        c.dualControl(),
                        c.approvals().size(),
                        c.findings(),
                        c.keyId(),
                        c.jarSha256(),
                        c.evidenceSha256(),
                        c.reviewedBy(),
                        c.updatedAt(),
                        bundles.list().stream()
                                .anyMatch(a ->
                                        a.name().equals(c.name()) && a.version().equals(c.version()))))
                .toList();
    }

    static String badge(CertificationState state) {
        return state == CertificationState.MARKETPLACE_READY ? "marketplace-ready" : "certified";
    }
}
