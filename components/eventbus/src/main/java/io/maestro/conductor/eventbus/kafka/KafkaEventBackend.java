package io.maestro.conductor.eventbus.kafka;

import io.maestro.conductor.adapter.camel.CamelDelegate;
import io.maestro.conductor.adapter.config.InstanceConfig;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.eventbus.EventBackend;
import io.maestro.conductor.eventbus.EventbusDefinitions;
import io.maestro.conductor.eventbus.TopicNamespace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaConsumer;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.component.kafka.PollOnError;
import org.apache.camel.component.kafka.TaskHealthState;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * One Kafka instance: a camel-kafka component of its own (never registered in the context, so its brokers and
 * credentials appear in no URI), one idempotent {@code acks=all} producer for every topic of the namespace (the topic
 * set per message), and per subscription a camel-kafka consumer that commits only what its route completed.
 */
public final class KafkaEventBackend implements EventBackend {

    private final String instanceId;
    private final KafkaComponent kafka;
    private final CamelDelegate producer;
    private final Properties adminProperties;
    private final int timeoutMs;
    private final int maxMessageBytes;
    private Admin admin;

    private KafkaEventBackend(
            String instanceId,
            KafkaComponent kafka,
            CamelDelegate producer,
            Properties adminProperties,
            InstanceConfig config) {
        this.instanceId = instanceId;
        this.kafka = kafka;
        this.producer = producer;
        this.adminProperties = adminProperties;
        this.timeoutMs = config.integer(EventbusDefinitions.TIMEOUT_MS).orElseThrow();
        this.maxMessageBytes =
                config.integer(EventbusDefinitions.MAX_MESSAGE_BYTES).orElseThrow();
    }

    public static KafkaEventBackend start(
            CamelContext camel, ResolvedInstance instance, InstanceConfig config, InstanceSecrets secrets)
            throws Exception {
        String instanceId = instance.ref().id();
        int timeoutMs = config.integer(EventbusDefinitions.TIMEOUT_MS).orElseThrow();
        KafkaConfiguration settings = new KafkaConfiguration();
        settings.setBrokers(config.requireString(EventbusDefinitions.BROKERS));
        String protocol = config.requireString(EventbusDefinitions.SECURITY_PROTOCOL);
        settings.setSecurityProtocol(protocol);
        String jaas = null;
        if (protocol.startsWith("SASL_")) {
            jaas = plainLogin(
                    config.requireString(EventbusDefinitions.USERNAME),
                    secrets.require(EventbusDefinitions.PASSWORD, "eventbus.kafka")
                            .reveal());
            settings.setSaslMechanism("PLAIN");
            settings.setSaslJaasConfig(jaas);
        }
        // Nothing acknowledged is lost: every in-sync replica has it, and a retried send is written once.
        settings.setRequestRequiredAcks("all");
        settings.setEnableIdempotence(true);
        settings.setMaxBlockMs(timeoutMs);
        settings.setDeliveryTimeoutMs(Math.max(timeoutMs, 1_000));
        settings.setRequestTimeoutMs(Math.min(timeoutMs, 30_000));
        KafkaComponent kafka = new KafkaComponent(camel);
        kafka.setConfiguration(settings);
        kafka.setKafkaManualCommitFactory(new DefaultKafkaManualCommitFactory());
        ServiceHelper.startService(kafka);

        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBrokers());
        admin.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, protocol);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 1_000));
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000));
        if (jaas != null) {
            admin.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
            admin.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);
        }
        // The producer's own topic is never used: every message names its topic (KafkaConstants.OVERRIDE_TOPIC).
        KafkaEndpoint endpoint = (KafkaEndpoint) kafka.createEndpoint("kafka:conductor-unused");
        CamelDelegate producer = CamelDelegate.start(
                endpoint, e -> KafkaErrors.map(e, instanceId), () -> ServiceHelper.stopAndShutdownService(kafka));
        return new KafkaEventBackend(instanceId, kafka, producer, admin, config);
    }

    private static String plainLogin(String username, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + username.replace("\"", "") + "\" password=\"" + password.replace("\"", "\\\"") + "\";";
    }

    @Override
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    @Override
    public String destination(TopicNamespace namespace, String topic) {
        return namespace.kafkaTopic(topic);
    }

    @Override
    public String deadLetters(TopicNamespace namespace) {
        return namespace.kafkaDeadLetters();
    }

    @Override
    public String group(TopicNamespace namespace, String group) {
        return namespace.kafkaGroup(group);
    }

    @Override
    public void publish(String destination, String body, Map<String, String> headers) {
        Exchange exchange = producer.createExchange();
        headers.forEach(exchange.getMessage()::setHeader);
        exchange.getMessage().setHeader(KafkaConstants.OVERRIDE_TOPIC, destination);
        exchange.getMessage().setBody(body);
        producer.process(exchange);
    }

    @Override
    public Consumer subscribe(String destination, String group, Processor onMessage) throws Exception {
        KafkaEndpoint endpoint = (KafkaEndpoint) kafka.createEndpoint("kafka:" + destination);
        KafkaConfiguration settings = endpoint.getConfiguration();
        settings.setGroupId(group);
        settings.setAutoOffsetReset("earliest");
        // Offsets are committed after the route completed each polled batch (a sync commit manager), and a failure
        // seeks back to the failed record: at-least-once, never "committed but not processed".
        settings.setAutoCommitEnable(false);
        settings.setAllowManualCommit(true);
        settings.setBreakOnFirstError(true);
        // A broken connection re-creates the client, which resumes from the committed offsets. Never pause/resume:
        // camel-kafka 4.17 can lose messages with it (../shared/STACK.md).
        settings.setPollOnError(PollOnError.RECONNECT);
        ServiceHelper.startService(endpoint);
        return endpoint.createConsumer(onMessage);
    }

    @Override
    public long waiting(String destination, String group) {
        try {
            Admin client = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = client
                    .describeTopics(List.of(destination))
                    .allTopicNames()
                    .get(timeoutMs, TimeUnit.MILLISECONDS)
                    .get(destination)
                    .partitions()
                    .stream()
                    .map(info -> new TopicPartition(destination, info.partition()))
                    .toList();
            Map<TopicPartition, Long> starts = offsets(client, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> ends = offsets(client, partitions, OffsetSpec.latest());
            long waiting = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                waiting += ends.get(partition) - (done != null ? done.offset() : starts.get(partition));
            }
            return waiting;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KafkaErrors.map(e, instanceId);
        } catch (Exception e) {
            throw KafkaErrors.map(e, instanceId);
        }
    }

    private Map<TopicPartition, Long> offsets(Admin client, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return client.listOffsets(request).all().get(timeoutMs, TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** camel-kafka's own view of its poll tasks (what its consumer health check reports). */
    @Override
    public String consumerProblem(Consumer consumer) {
        if (!(consumer instanceof KafkaConsumer kafkaConsumer)) {
            return null;
        }
        for (TaskHealthState state : kafkaConsumer.healthStates()) {
            if (!state.isReady()) {
                return state.getLastError() != null
                        ? state.getLastError().getClass().getSimpleName()
                        : "consumer not ready";
            }
        }
        return null;
    }

    /** Lists the topics: proves brokers and credentials without writing anything. */
    @Override
    public void probe(TopicNamespace namespace) {
        try {
            admin().listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KafkaErrors.map(e, instanceId);
        } catch (Exception e) {
            throw KafkaErrors.map(e, instanceId);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminProperties);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        producer.close();
        if (admin != null) {
            admin.close();
        }
        ServiceHelper.stopAndShutdownService(kafka);
    }
}
