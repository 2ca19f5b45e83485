package io.maestro.conductor.demo.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import io.maestro.conductor.demo.DemoInstances;
import io.maestro.conductor.notify.NotifyDefinitions;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.store.Json;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Gives the demo tenant its {@code alerts} e-mail instance on the demo mail server, with the two templates alert
 * delivery uses ({@code adapter.alert.fired}, {@code adapter.alert.resolved}): installed on the first start,
 * re-pointed when the server's port moved.
 */
public class DemoNotifySetup {

    static final Actor ACTOR = Actor.system("demo-notify");
    static final String TEMPLATES =
            "{\"adapter.alert.fired\": {\"subject\": \"[{{severity}}] {{instanceId}} is failing\","
                    + " \"text\": \"Alert {{alertId}}: {{reason}} (last error {{lastErrorCode}})\"},"
                    + " \"adapter.alert.resolved\": {\"subject\": \"[resolved] {{instanceId}}\","
                    + " \"text\": \"Alert {{alertId}} resolved at {{resolvedAt}}\"}}";

    private final Registry registry;
    private final GreenMail mail;
    private final DemoNotifyProperties demo;

    public DemoNotifySetup(Registry registry, GreenMail mail, DemoNotifyProperties demo) {
        this.registry = registry;
        this.mail = mail;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void run() {
        ObjectNode config = Json.MAPPER
                .createObjectNode()
                .put(
                        NotifyDefinitions.ENDPOINT,
                        "smtp://127.0.0.1:" + mail.getSmtp().getPort())
                .put(NotifyDefinitions.FROM, "conductor@" + demo.tenant() + ".example")
                .put(NotifyDefinitions.DEFAULT_TO, demo.recipient())
                .put(NotifyDefinitions.TEMPLATES, TEMPLATES);
        DemoInstances.ensure(
                registry,
                ACTOR,
                new DemoInstances.Wanted(
                        demo.tenant(),
                        demo.environment(),
                        demo.instance(),
                        NotifyDefinitions.EMAIL,
                        demo.region(),
                        config),
                null,
                NotifyDefinitions.ENDPOINT);
    }
}
