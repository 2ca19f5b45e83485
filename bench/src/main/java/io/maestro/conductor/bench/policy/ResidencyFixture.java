package io.maestro.conductor.bench.policy;

import io.maestro.conductor.bench.RepositoryRoot;
import io.maestro.conductor.policy.pdp.DecisionLog;
import io.maestro.conductor.policy.pdp.DecisionRequest;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import io.maestro.conductor.policy.pdp.PolicySettings;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

/**
 * The repository's residency policy (about a dozen rules) over a generated 50-tenant data document, and one
 * write that the policy allows after checking every rule.
 */
final class ResidencyFixture {
    static final int TENANTS = 50;
    static final String PATH = "residency/decision";
    static final DecisionRequest WRITE = DecisionRequest.ofJson(PATH, """
      {"tenant": "tenant-25", "environment": "prod", "actor": "bench", "action": "storage.put_object",
       "adapter": {"category": "storage", "instance": "evidence", "region": "eu-west-1", "riskLevel": "medium",
                   "dataSensitivity": "confidential"},
       "data": {"region": "eu-west-1", "classification": "confidential"}}
      """);

    private ResidencyFixture() {}

    /** @param cacheSize decisions kept for reuse; 0 evaluates every decision in full */
    static EmbeddedDecisionPoint decisionPoint(int cacheSize) throws IOException {
        Path policy = RepositoryRoot.find().resolve("residency-policies/residency.rego");
        RegoEngine engine = RegoEngine.compile(
                List.of(new RegoModule("residency.rego", Files.readString(policy))), Values.fromJson(data()));
        return new EmbeddedDecisionPoint(engine, new DecisionLog(), PolicySettings.DEFAULT_EVAL_TIMEOUT, cacheSize);
    }

    private static String data() {
        String[] regions = {"eu-west-1", "europe-west1", "us-east-1", "ap-southeast-2"};
        StringJoiner tenants = new StringJoiner(",");
        for (int i = 0; i < TENANTS; i++) {
            String home = regions[i % 2];
            String other = regions[2 + i % 2];
            tenants.add("""
          "tenant-%02d": {"regions": ["%s", "%s", "eu-west-1"],
                          "pods": {"%s": ["evidence", "archive"], "%s": ["evidence"], "eu-west-1": ["evidence"]}}
          """.formatted(i, home, other, home, other));
        }
        return "{\"config\": {\"residency\": {\"storage_write_actions\": [\"storage.put_object\", \"storage.signed_url\"],"
                + " \"tenants\": {" + tenants + "}}}}";
    }
}
