package io.maestro.conductor.eventbus;

import static io.maestro.conductor.adapter.config.ConfigType.INT;
import static io.maestro.conductor.adapter.config.ConfigType.STRING;
import static io.maestro.conductor.adapter.config.InstanceConfigDef.REQUIRED;

import io.maestro.conductor.adapter.config.AdapterDefinitionSpec;
import io.maestro.conductor.adapter.config.AdapterDefinitions;
import io.maestro.conductor.adapter.config.ConfigValidator;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import io.maestro.conductor.adapter.config.InstanceConfigDef.Destination;
import java.util.List;

/**
 * The event-bus definitions and their instance config, declared once: the build writes them to this jar's
 * {@code META-INF/conductor/adapter-definitions.yaml} and {@code src/generated/docs}, and the backends parse
 * instances with the same declarations. Topic names are not config: they are the routes', inside the tenant's
 * namespace ({@link TopicNamespace}).
 */
public final class EventbusDefinitions implements AdapterDefinitions {

    public static final String VERSION = "1.0.0";

    public static final String BROKERS = "brokers";
    public static final String SECURITY_PROTOCOL = "securityProtocol";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String REGION = "region";
    public static final String ENDPOINT = AdapterDefinitions.ENDPOINT;
    public static final String ACCESS_KEY = "accessKey";
    public static final String SECRET_KEY = "secretKey";
    public static final String MAX_RECEIVE_COUNT = "maxReceiveCount";
    public static final String TIMEOUT_MS = "timeoutMs";
    public static final String MAX_MESSAGE_BYTES = "maxMessageBytes";

    public static final InstanceConfigDef KAFKA = common(1_048_576)
            .defineDestination(
                    BROKERS,
                    Destination.HOST_PORT_LIST,
                    REQUIRED,
                    ConfigValidator.pattern(
                            "[A-Za-z0-9.-]+:[0-9]{1,5}(,[A-Za-z0-9.-]+:[0-9]{1,5}){0,15}", "host:port[,host:port...]"),
                    "Bootstrap brokers")
            .define(
                    SECURITY_PROTOCOL,
                    STRING,
                    "PLAINTEXT",
                    ConfigValidator.oneOf("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"),
                    "Kafka security protocol; with SASL_* the username and password authenticate (SASL PLAIN)")
            .define(USERNAME, STRING, null, ConfigValidator.maxLength(255), "SASL PLAIN user name (SASL_* protocols)")
            .defineSecret(PASSWORD, false, "SASL PLAIN password (SASL_* protocols)");

    public static final InstanceConfigDef SQS = common(262_144)
            .define(
                    REGION,
                    STRING,
                    REQUIRED,
                    ConfigValidator.pattern("[a-z0-9-]{1,40}", "a region name"),
                    "The queues' region")
            .define(
                    ENDPOINT,
                    STRING,
                    null,
                    ConfigValidator.pattern("https?://\\S+", "an http(s) URL"),
                    "Endpoint override, for an SQS-compatible server (ElasticMQ) or a VPC endpoint")
            .define(
                    MAX_RECEIVE_COUNT,
                    INT,
                    5,
                    ConfigValidator.range(1, 1000),
                    "Receives of one message before the queue's redrive policy moves it to the dead letters")
            .defineSecret(ACCESS_KEY, true, "Access key id")
            .defineSecret(SECRET_KEY, true, "Secret access key");

    private static final List<String> CAPABILITIES = List.of("publish", "subscribe", "dead-letter");

    private static InstanceConfigDef common(int maxMessageBytes) {
        return new InstanceConfigDef()
                .define(
                        TIMEOUT_MS,
                        INT,
                        30_000,
                        ConfigValidator.range(500, 300_000),
                        "How long a publish may wait for the broker before it fails")
                .define(
                        MAX_MESSAGE_BYTES,
                        INT,
                        maxMessageBytes,
                        ConfigValidator.range(1, maxMessageBytes),
                        "Largest message body accepted, in bytes (UTF-8)");
    }

    @Override
    public List<AdapterDefinitionSpec> definitions() {
        return List.of(
                new AdapterDefinitionSpec(
                        EventbusComponent.BACKEND_KAFKA,
                        VERSION,
                        EventbusComponent.CATEGORY,
                        "platform-integration",
                        "Events on Kafka topics in the tenant's namespace through camel-kafka (acks=all, idempotent)",
                        "medium",
                        "internal",
                        false,
                        List.of("eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"),
                        CAPABILITIES,
                        KAFKA),
                new AdapterDefinitionSpec(
                        EventbusComponent.BACKEND_SQS,
                        VERSION,
                        EventbusComponent.CATEGORY,
                        "platform-integration",
                        "Events on SQS queues in the tenant's namespace through camel-aws2-sqs, with a redrive policy",
                        "medium",
                        "internal",
                        false,
                        List.of("eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"),
                        CAPABILITIES,
                        SQS));
    }
}
