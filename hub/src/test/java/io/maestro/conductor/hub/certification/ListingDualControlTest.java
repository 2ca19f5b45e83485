package io.maestro.conductor.hub.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.bundles.PartnerBundles;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.registry.receipt.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Listing a high-risk partner adapter goes through a governance change request: the reviewer's
 * {@code marketplace_ready} opens it, a second approver of every tenant approves it at
 * {@code /api/tenants/{tenant}/change-requests/{id}/approve}; the requester, the submitter, an approver of one tenant
 * only and another tenant's approver are refused; a replayed request or approval changes nothing; a low-risk adapter
 * is listed at once.
 */
class ListingDualControlTest extends ReviewHub {

    static final String CHANGE_REQUESTS = "/api/tenants/" + PARTNER + "/change-requests";

    @Test
    void aLowRiskAdapterIsListedWithoutAChangeRequest() {
        String id = submitted("7.0.0", "low", PARTNER_USER);
        assertThat(decide(id, "certified", RITA).status()).isEqualTo(200);

        Answer listed = decide(id, "marketplace_ready", RITA);

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().path("state").asText()).isEqualTo("marketplace_ready");
        assertThat(listed.json().path("listingRequest").isNull()).isTrue();
        assertThat(listingRequests(id)).isEmpty();
    }

    @Test
    void aHighRiskListingWaitsForASecondApproverThroughTheChangeRequests() {
        String id = submitted("7.1.0", "high", SAM);
        assertThat(decide(id, "certified", RITA).status()).isEqualTo(200);

        Answer asked = decide(id, "marketplace_ready", RITA);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().path("state").asText()).isEqualTo("certified");
        assertThat(asked.json().path("approvals")).extracting(JsonNode::asText).containsExactly(RITA);
        String request = asked.json().path("listingRequest").asText();
        assertThat(asked.header("Location")).isEqualTo(CHANGE_REQUESTS + "/" + request);
        JsonNode pending =
                api.get(CHANGE_REQUESTS + "/" + request, RITA, PASSWORD).json();
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("operation").asText()).isEqualTo("MARKETPLACE_LISTING");
        assertThat(pending.path("requestedBy").asText()).isEqualTo(RITA);
        assertThat(pending.path("change").path("certification").asText()).isEqualTo(id);

        Answer replayed = decide(id, "marketplace_ready", RITA);
        assertThat(replayed.status())
                .as("the requester asking again gets the same request")
                .isEqualTo(202);
        assertThat(replayed.json().path("listingRequest").asText()).isEqualTo(request);
        assertThat(listingRequests(id)).hasSize(1);
        assertRefused(decide(id, "marketplace_ready", ROB), 409, "LISTING_PENDING");

        assertRefused(approve(request, RITA), 403, "SELF_APPROVAL");
        assertRefused(approve(request, SAM), 403, "SELF_APPROVAL");
        assertRefused(approve(request, PAULA), 403, "APPROVER_ROLE_REQUIRED");
        assertThat(approve(request, VIC).status()).isEqualTo(403);
        assertThat(approve(request, OTTO).status())
                .as("an operator is no approver")
                .isEqualTo(403);
        assertThat(api.anonymousPost(CHANGE_REQUESTS + "/" + request + "/approve", "application/json", "{}")
                        .status())
                .isEqualTo(401);
        assertThat(state(id)).isEqualTo("certified");
        assertThat(marketplaceBadge("hello-notify", "7.1.0")).isEqualTo("certified");

        Answer approved = approve(request, ROB);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPLIED");
        assertThat(approved.json().path("decidedBy").asText()).isEqualTo(ROB);
        JsonNode listed = api.get(CERTIFICATIONS + "/" + id, RITA, PASSWORD).json();
        assertThat(listed.path("state").asText()).isEqualTo("marketplace_ready");
        assertThat(listed.path("approvals")).extracting(JsonNode::asText).containsExactly(RITA, ROB);
        assertThat(marketplaceBadge("hello-notify", "7.1.0")).isEqualTo("marketplace-ready");
        List<Receipt> newest = registry.receipts().listNewest(PARTNER, 0, 3);
        assertThat(newest)
                .extracting(r -> r.action().name())
                .containsExactly("CHANGE_APPLIED", "CHANGE_APPROVED", "CERTIFICATION");
        assertThat(newest.get(0).changeSet().path("patch").path("to").asText()).isEqualTo("marketplace_ready");
        assertThat(newest.get(2).changeSet().path("changeRequest").asText()).isEqualTo(request);
        assertThat(evidenceObjects("hello-notify", "7.1.0"))
                .anyMatch(key -> key.endsWith("-listing-request.json"))
                .anyMatch(key -> key.endsWith("-listing-approval.json"));

        long headBefore = registry.receipts().listNewest(PARTNER, 0, 1).get(0).seq();
        Answer again = approve(request, ROB);
        assertThat(again.status()).as("a replayed approval: " + again.body()).isEqualTo(200);
        assertThat(again.json().path("status").asText()).isEqualTo("APPLIED");
        assertThat(registry.receipts().listNewest(PARTNER, 0, 1).get(0).seq()).isEqualTo(headBefore);
        assertRefused(approve(request, RITA), 403, "SELF_APPROVAL");
    }

    @Test
    void anotherTenantNeitherSeesNorApprovesAListingRequest() {
        String id = submitted("7.2.0", "high", PARTNER_USER);
        assertThat(decide(id, "certified", RITA).status()).isEqualTo(200);
        String request = decide(id, "marketplace_ready", RITA)
                .json()
                .path("listingRequest")
                .asText();

        assertThat(api.get(CHANGE_REQUESTS + "/" + request, GINA, PASSWORD).status())
                .isEqualTo(404);
        assertThat(api.get(CHANGE_REQUESTS, GINA, PASSWORD).status()).isEqualTo(404);
        assertThat(approve(request, GINA).status()).isEqualTo(404);
        Answer viaOwnTenant = api.postJson(
                "/api/tenants/" + OTHER + "/change-requests/" + request + "/approve", GINA, PASSWORD, Map.of());
        assertRefused(viaOwnTenant, 404, "CHANGE_REQUEST_NOT_FOUND");
        assertThat(api.get("/api/tenants/" + OTHER + "/change-requests", GINA, PASSWORD)
                        .body())
                .doesNotContain(request, "hello-notify");
        assertThat(state(id)).isEqualTo("certified");
    }

    @Test
    void aRejectedListingRequestLeavesTheAdapterCertifiedAndMayBeAskedAgain() {
        String id = submitted("7.3.0", "high", PARTNER_USER);
        assertThat(decide(id, "certified", RITA).status()).isEqualTo(200);
        String first = decide(id, "marketplace_ready", RITA)
                .json()
                .path("listingRequest")
                .asText();

        Answer rejected = api.postJson(
                CHANGE_REQUESTS + "/" + first + "/reject", ROB, PASSWORD, Map.of("reason", "support level unclear"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(state(id)).isEqualTo("certified");
        assertRefused(approve(first, SAM), 409, "CHANGE_REQUEST_NOT_PENDING");

        Answer second = decide(id, "marketplace_ready", ROB);
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        String next = second.json().path("listingRequest").asText();
        assertThat(next).isNotEqualTo(first);
        assertThat(approve(next, RITA).status()).isEqualTo(200);
        assertThat(state(id)).isEqualTo("marketplace_ready");
    }

    private String submitted(String version, String risk, String user) {
        Answer submitted = submit(
                PartnerBundles.helloAs(version, Map.of("riskLevel: low", "riskLevel: " + risk), PARTNER_KEY), user);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().path("dualControl").asBoolean()).isEqualTo(!risk.equals("low"));
        return submitted.json().path("id").asText();
    }

    private Answer decide(String id, String to, String user) {
        return api.postJson(CERTIFICATIONS + "/" + id + "/transitions", user, PASSWORD, Map.of("to", to));
    }

    private Answer approve(String request, String user) {
        return api.postJson(CHANGE_REQUESTS + "/" + request + "/approve", user, PASSWORD, Map.of());
    }

    private String state(String id) {
        return api.get(CERTIFICATIONS + "/" + id, RITA, PASSWORD)
                .json()
                .path("state")
                .asText();
    }

    private List<JsonNode> listingRequests(String id) {
        List<JsonNode> found = new ArrayList<>();
        api.get(CHANGE_REQUESTS + "?limit=500", RITA, PASSWORD).json().forEach(r -> {
            if (id.equals(r.path("change").path("certification").asText())) {
                found.add(r);
            }
        });
        return found;
    }

    private static void assertRefused(Answer answer, int status, String code) {
        CertificationAttackTest.assertRefused(answer, status, code);
    }
}
