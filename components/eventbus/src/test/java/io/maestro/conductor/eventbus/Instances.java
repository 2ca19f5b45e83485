package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.sandbox.eventbus.ElasticMqSandbox;
import java.util.HashMap;
import java.util.Map;

/** Event-bus instances of the tests, on the sandbox's peers. */
final class Instances {

    private Instances() {}

    static ResolvedInstance kafka(String tenant, String environment, String name, String brokers) {
        return kafka(tenant, environment, name, Map.of(EventbusDefinitions.BROKERS, brokers));
    }

    static ResolvedInstance kafka(String tenant, String environment, String name, Map<String, String> config) {
        return instance(tenant, environment, name, EventbusComponent.BACKEND_KAFKA, config);
    }

    /** An SQS instance on ElasticMQ; its keys are the secrets {@code sqs-access} and {@code sqs-secret}. */
    static ResolvedInstance sqs(String tenant, String environment, String name, ElasticMqSandbox sqs) {
        return sqs(tenant, environment, name, sqs, 2);
    }

    static ResolvedInstance sqs(
            String tenant, String environment, String name, ElasticMqSandbox sqs, int maxReceiveCount) {
        Map<String, String> config = new HashMap<>();
        config.put(EventbusDefinitions.REGION, ElasticMqSandbox.REGION);
        config.put(EventbusDefinitions.ENDPOINT, sqs.endpoint());
        config.put(EventbusDefinitions.MAX_RECEIVE_COUNT, Integer.toString(maxReceiveCount));
        config.put(EventbusDefinitions.ACCESS_KEY, "secret:sqs-access");
        config.put(EventbusDefinitions.SECRET_KEY, "secret:sqs-secret");
        return instance(tenant, environment, name, EventbusComponent.BACKEND_SQS, config);
    }

    private static ResolvedInstance instance(
            String tenant, String environment, String name, String backend, Map<String, String> config) {
        return new ResolvedInstance(
                new InstanceRef(tenant, environment, name),
                EventbusComponent.CATEGORY,
                backend,
                1,
                "eu-west-1",
                "medium",
                "internal",
                config);
    }
}
