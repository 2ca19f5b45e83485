package io.maestro.conductor.policy.pdp;

/** Policy inputs shared by the decision-point tests. */
final class Inputs {
    private Inputs() {}

    static String write(String tenant, String instance, String instanceRegion, String dataRegion) {
        return """
        {"tenant": "%s", "environment": "dev", "actor": "alice", "action": "storage.put_object",
         "adapter": {"category": "storage", "instance": "%s", "region": "%s", "riskLevel": "medium",
                     "dataSensitivity": "confidential"},
         "data": {"region": "%s", "classification": "confidential"}}
        """.formatted(tenant, instance, instanceRegion, dataRegion);
    }

    static final String ALLOWED_WRITE = write("atlas", "evidence", "eu-west-1", "eu-west-1");
    static final String MISMATCHED_WRITE = write("atlas", "evidence", "eu-west-1", "eu-central-1");
}
