package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.camel.AdapterConsumer;
import io.maestro.conductor.adapter.camel.ConsumingAdapterEndpoint;
import io.maestro.conductor.adapter.camel.Operations;
import org.apache.camel.Category;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * {@code eventbus:publish?instance=bus&topic=orders.created} sends the body to the topic in the namespace of the
 * exchange's tenant (header ConductorTenant); {@code from: eventbus:subscribe?instance=bus&tenant=acme&environment=prod
 * &topic=orders.created} receives it. Publishing and every received event pass the governance gate.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "eventbus",
        title = "Conductor Event Bus",
        syntax = "eventbus:operation",
        category = {Category.MESSAGING},
        headersClass = EventbusConstants.class)
public class EventbusEndpoint extends ConsumingAdapterEndpoint<EventBackend> {

    @UriParam(
            description = "Topic as the route names it: 1-8 dot-separated segments of lower-case letters, digits and "
                    + "'-'; the adapter puts it in the tenant's namespace (<tenant>.<env>.<topic>). Required to "
                    + "subscribe; on publish the header CamelConductorEventbusTopic may name it instead")
    private String topic;

    @UriParam(
            label = "consumer",
            description = "Consumer group (Kafka), in the tenant's namespace; subscriptions of one group share the "
                    + "topic's events. Default: the topic")
    private String group;

    @UriParam(
            label = "consumer",
            defaultValue = "5000",
            description = "Milliseconds between reads of the subscription's lag (also the instance's health); 0 = off")
    private long lagInterval = 5_000;

    public EventbusEndpoint(String uri, EventbusComponent component) {
        super(uri, component);
    }

    @Override
    public EventbusComponent getComponent() {
        return (EventbusComponent) super.getComponent();
    }

    @Override
    protected String consumeOperation() {
        return "subscribe";
    }

    @Override
    protected Operations<EventBackend> createOperations() {
        return new Operations<EventBackend>().on("publish", new EventbusPublish(this));
    }

    @Override
    protected AdapterConsumer<EventBackend> createAdapterConsumer(Processor processor) {
        TopicNamespace.requireTopic(topic, null);
        return new EventbusConsumer(this, processor);
    }

    /** A topic outside the grammar stops the route from starting, before any exchange. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (topic != null) {
            TopicNamespace.requireTopic(topic, null);
        }
        if (group != null) {
            TopicNamespace.requireTopic(group, null);
        }
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public long getLagInterval() {
        return lagInterval;
    }

    public void setLagInterval(long lagInterval) {
        this.lagInterval = lagInterval;
    }
}
