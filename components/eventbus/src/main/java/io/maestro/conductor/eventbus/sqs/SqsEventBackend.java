package io.maestro.conductor.eventbus.sqs;

import io.maestro.conductor.adapter.camel.CamelDelegate;
import io.maestro.conductor.adapter.config.InstanceConfig;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.eventbus.EventBackend;
import io.maestro.conductor.eventbus.EventbusDefinitions;
import io.maestro.conductor.eventbus.TopicNamespace;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.aws2.sqs.Sqs2Component;
import org.apache.camel.component.aws2.sqs.Sqs2Configuration;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.apache.camel.support.service.ServiceHelper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One SQS instance: an SDK client built from the instance's own keys, handed to a camel-aws2-sqs component of its
 * own (never registered in the context). Queues are created on first use, each with a redrive policy to the
 * namespace's dead-letter queue (see {@link SqsQueues}); a producer per queue, and per subscription a camel-aws2-sqs
 * consumer that deletes a message only when its route completed.
 */
public final class SqsEventBackend implements EventBackend {

    static final String PURPOSE = "eventbus.sqs.client";

    private final String instanceId;
    private final SqsClient client;
    private final Sqs2Component sqs;
    private final SqsQueues queues;
    private final int maxMessageBytes;
    private final Map<String, CamelDelegate> producers = new ConcurrentHashMap<>();

    private SqsEventBackend(
            String instanceId, SqsClient client, Sqs2Component sqs, SqsQueues queues, int maxMessageBytes) {
        this.instanceId = instanceId;
        this.client = client;
        this.sqs = sqs;
        this.queues = queues;
        this.maxMessageBytes = maxMessageBytes;
    }

    public static SqsEventBackend start(
            CamelContext camel, ResolvedInstance instance, InstanceConfig config, InstanceSecrets secrets)
            throws Exception {
        String instanceId = instance.ref().id();
        int timeoutMs = config.integer(EventbusDefinitions.TIMEOUT_MS).orElseThrow();
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(config.requireString(EventbusDefinitions.REGION)))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        secrets.require(EventbusDefinitions.ACCESS_KEY, PURPOSE).reveal(),
                        secrets.require(EventbusDefinitions.SECRET_KEY, PURPOSE).reveal())))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofMillis(Math.min(timeoutMs, 5_000)))
                        .socketTimeout(Duration.ofMillis(Math.max(timeoutMs, 25_000))))
                .overrideConfiguration(
                        override -> override.apiCallTimeout(Duration.ofMillis(Math.max(timeoutMs, 25_000))));
        config.string(EventbusDefinitions.ENDPOINT)
                .ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        SqsClient client = builder.build();
        Sqs2Configuration settings = new Sqs2Configuration();
        settings.setAmazonSQSClient(client);
        settings.setAutoCreateQueue(false);
        Sqs2Component sqs = new Sqs2Component(camel);
        sqs.setConfiguration(settings);
        try {
            ServiceHelper.startService(sqs);
        } catch (RuntimeException e) {
            client.close();
            throw SqsErrors.map(e, instanceId);
        }
        SqsQueues queues = new SqsQueues(
                client, config.integer(EventbusDefinitions.MAX_RECEIVE_COUNT).orElseThrow(), instanceId);
        return new SqsEventBackend(
                instanceId,
                client,
                sqs,
                queues,
                config.integer(EventbusDefinitions.MAX_MESSAGE_BYTES).orElseThrow());
    }

    @Override
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    @Override
    public String destination(TopicNamespace namespace, String topic) {
        return queues.withDeadLetters(namespace.sqsQueue(topic), namespace.sqsDeadLetters());
    }

    @Override
    public String deadLetters(TopicNamespace namespace) {
        return queues.deadLetterQueue(namespace.sqsDeadLetters());
    }

    /** A queue has no groups: its consumers compete for its messages. */
    @Override
    public String group(TopicNamespace namespace, String group) {
        TopicNamespace.requireTopic(group, instanceId);
        return null;
    }

    @Override
    public void publish(String destination, String body, Map<String, String> headers) {
        CamelDelegate producer = producers.computeIfAbsent(destination, this::startProducer);
        Exchange exchange = producer.createExchange();
        headers.forEach(exchange.getMessage()::setHeader);
        exchange.getMessage().setBody(body);
        producer.process(exchange);
    }

    private CamelDelegate startProducer(String queue) {
        return CamelDelegate.start(endpoint(queue), e -> SqsErrors.map(e, instanceId), () -> {});
    }

    @Override
    public Consumer subscribe(String destination, String group, Processor onMessage) throws Exception {
        Sqs2Endpoint endpoint = endpoint(destination);
        Sqs2Configuration settings = endpoint.getConfiguration();
        // Deleted only when the route completed; else it comes back after the visibility timeout, and after
        // maxReceiveCount receives the redrive policy moves it to the dead letters.
        settings.setDeleteAfterRead(true);
        settings.setWaitTimeSeconds(1);
        settings.setMessageAttributeNames("All");
        // Up to 10 messages a receive (SQS's most), and the next receive at once while messages keep coming: the
        // poll consumer's defaults (1 message, then 500 ms idle) drain a queue at 2 messages a second.
        endpoint.setMaxMessagesPerPoll(10);
        endpoint.setGreedy(true);
        ServiceHelper.startService(endpoint);
        return endpoint.createConsumer(onMessage);
    }

    private Sqs2Endpoint endpoint(String queue) {
        try {
            Endpoint endpoint = sqs.createEndpoint("aws2-sqs:" + queue);
            return (Sqs2Endpoint) endpoint;
        } catch (Exception e) {
            throw SqsErrors.map(e, instanceId);
        }
    }

    /** The queue's visible messages: SQS's ApproximateNumberOfMessages. */
    @Override
    public long waiting(String destination, String group) {
        try {
            String visible = client.getQueueAttributes(request -> request.queueUrl(queues.url(destination))
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return visible == null ? -1 : Long.parseLong(visible);
        } catch (RuntimeException e) {
            throw SqsErrors.map(e, instanceId);
        }
    }

    /** Lists at most one queue of the namespace: proves endpoint and credentials without writing anything. */
    @Override
    public void probe(TopicNamespace namespace) {
        try {
            client.listQueues(request ->
                    request.queueNamePrefix(namespace.sqsDeadLetters()).maxResults(1));
        } catch (RuntimeException e) {
            throw SqsErrors.map(e, instanceId);
        }
    }

    @Override
    public void close() {
        producers.values().forEach(CamelDelegate::close);
        producers.clear();
        ServiceHelper.stopAndShutdownService(sqs);
        client.close();
    }
}
