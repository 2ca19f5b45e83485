package io.maestro.conductor.hub.support;

import io.maestro.conductor.adapter.AdapterHeaders;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;

/** Watches the adapter-review workflow: which installed instances the event worker handed to it. */
public final class AdapterReviews {

    private AdapterReviews() {}

    /** Counts down when an exchange for {@code instance} (header ConductorInstance) was sent to direct:adapter-review. */
    public static CountDownLatch reviewOf(CamelContext camel, String instance) {
        CountDownLatch reviewed = new CountDownLatch(1);
        EventNotifierSupport sentToReview = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSentEvent sent
                        && sent.getEndpoint().getEndpointUri().startsWith("direct://adapter-review")
                        && instance.equals(sent.getExchange().getMessage().getHeader(AdapterHeaders.INSTANCE))) {
                    reviewed.countDown();
                }
            }
        };
        camel.getManagementStrategy().addEventNotifier(sentToReview);
        ServiceHelper.startService(sentToReview);
        return reviewed;
    }
}
