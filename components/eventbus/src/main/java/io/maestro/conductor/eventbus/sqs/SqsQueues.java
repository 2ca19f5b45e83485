package io.maestro.conductor.eventbus.sqs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queues of one SQS instance, created on first use: the namespace's dead-letter queue, then each topic's queue
 * with a redrive policy to it (after {@code maxReceiveCount} receives without a delete, SQS moves the message there).
 * Creating a queue that exists with the same attributes returns it, so several hubs may race.
 */
final class SqsQueues {

    private final SqsClient client;
    private final int maxReceiveCount;
    private final String instanceId;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    SqsQueues(SqsClient client, int maxReceiveCount, String instanceId) {
        this.client = client;
        this.maxReceiveCount = maxReceiveCount;
        this.instanceId = instanceId;
    }

    /** Creates (once) the dead-letter queue and the queue redriving to it; returns the queue's name. */
    String withDeadLetters(String queue, String deadLetters) {
        if (!urls.containsKey(queue)) {
            String arn = arn(deadLetterQueueUrl(deadLetters));
            String redrive =
                    "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
            urls.computeIfAbsent(queue, name -> create(name, Map.of(QueueAttributeName.REDRIVE_POLICY, redrive)));
        }
        return queue;
    }

    String deadLetterQueue(String deadLetters) {
        deadLetterQueueUrl(deadLetters);
        return deadLetters;
    }

    String url(String queue) {
        String url = urls.get(queue);
        return url != null ? url : urls.computeIfAbsent(queue, name -> create(name, Map.of()));
    }

    private String deadLetterQueueUrl(String deadLetters) {
        return urls.computeIfAbsent(deadLetters, name -> create(name, Map.of()));
    }

    private String arn(String url) {
        try {
            return client.getQueueAttributes(
                            request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
        } catch (RuntimeException e) {
            throw SqsErrors.map(e, instanceId);
        }
    }

    private String create(String name, Map<QueueAttributeName, String> attributes) {
        try {
            return client.createQueue(request -> request.queueName(name).attributes(attributes))
                    .queueUrl();
        } catch (RuntimeException e) {
            throw SqsErrors.map(e, instanceId);
        }
    }
}
