package io.maestro.conductor.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.sandbox.eventbus.KafkaSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two hubs' Camel contexts each run the same {@code eventbus:subscribe} route (same tenant, topic and so group): on a
 * real Kafka broker they form one consumer group, the topic's partitions are split between them, and every event is
 * handled once, by one of them. This is how event-bus work spreads across hubs (docs/scaling.md).
 */
@Tag("slow")
class KafkaConsumerGroupTest {

    private static final int PARTITIONS = 4;
    private static final int EVENTS = 40;
    private static final String NAMESPACED = "acme.prod.work.items";

    @Test
    void subscriptionsOfOneRouteOnTwoHubsShareTheTopicsPartitionsAndEachEventOnce() throws Exception {
        try (KafkaSandbox kafka = KafkaSandbox.startTransient();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.brokers()))) {
            admin.createTopics(List.of(new NewTopic(NAMESPACED, PARTITIONS, (short) 1)))
                    .all()
                    .get();
            Map<String, List<String>> handled = new ConcurrentHashMap<>();
            List<EventbusHarness> hubs = new ArrayList<>();
            try {
                for (String hub : List.of("hub-a", "hub-b")) {
                    EventbusHarness bus = new EventbusHarness();
                    bus.instances.put(Instances.kafka("acme", "prod", "bus", kafka.brokers()));
                    bus.start();
                    List<String> mine = handled.computeIfAbsent(hub, h -> new CopyOnWriteArrayList<>());
                    bus.camel.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("eventbus:subscribe?instance=bus&environment=prod&tenant=acme&topic=work.items")
                                    .routeId("worker")
                                    .process(exchange ->
                                            mine.add(exchange.getMessage().getBody(String.class)));
                        }
                    });
                    hubs.add(bus);
                }

                ConsumerGroupDescription group = awaitBothAssigned(admin, NAMESPACED, Duration.ofSeconds(60));
                for (int i = 0; i < EVENTS; i++) {
                    assertThat(hubs.get(i % 2)
                                    .publish(
                                            "acme",
                                            "eventbus:publish?instance=bus&topic=work.items",
                                            "{\"item\":" + i + "}",
                                            Map.of())
                                    .getException())
                            .isNull();
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (total(handled.values()) < EVENTS && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(1000);

                assertThat(group.members()).hasSize(2);
                assertThat(group.members())
                        .allSatisfy(member -> assertThat(member.assignment().topicPartitions())
                                .isNotEmpty());
                assertThat(group.members().stream()
                                .mapToInt(member ->
                                        member.assignment().topicPartitions().size())
                                .sum())
                        .isEqualTo(PARTITIONS);
                List<String> all =
                        handled.values().stream().flatMap(List::stream).toList();
                assertThat(all).as("each event once").hasSize(EVENTS).doesNotHaveDuplicates();
            } finally {
                hubs.forEach(EventbusHarness::close);
            }
        }
    }

    private static int total(Collection<List<String>> lists) {
        return lists.stream().mapToInt(List::size).sum();
    }

    /** The subscriptions' group once it has two members that each hold partitions of the topic. */
    private static ConsumerGroupDescription awaitBothAssigned(Admin admin, String group, Duration patience)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        ConsumerGroupDescription description = null;
        while (System.nanoTime() < deadline) {
            description =
                    admin.describeConsumerGroups(Set.of(group)).all().get().get(group);
            Collection<MemberDescription> members = description.members();
            if (members.size() == 2
                    && members.stream()
                            .allMatch(member ->
                                    !member.assignment().topicPartitions().isEmpty())) {
                return description;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "the two subscriptions did not share " + group + " within " + patience + ": " + description);
    }
}
