package io.maestro.conductor.notify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AdapterContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SPI's contract checks for {@code notify:} e-mail on GreenMail, which wants the instance's SMTP login. */
class NotifyContractTest extends AdapterContractTest {

    private static final String ACCEPTED = "smtp-password-accepted-4Kd9";
    private static final String REFUSED = "smtp-password-refused-8Jw1";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("notify", ACCEPTED));

    @Override
    protected AdapterComponent<?> newComponent() {
        return new NotifyComponent();
    }

    @Override
    protected ResolvedInstance workingInstance(String name) {
        return instance(name, ACCEPTED);
    }

    @Override
    protected ResolvedInstance refusingInstance(String name) {
        return instance(name, REFUSED);
    }

    private ResolvedInstance instance(String name, String password) {
        secrets.put(TENANT, ENVIRONMENT, name + "-smtp", password);
        return NotifyInstances.email(
                TENANT,
                name,
                SMTP.getSmtp().getPort(),
                Map.of(NotifyDefinitions.USERNAME, "notify", NotifyDefinitions.PASSWORD, "secret:" + name + "-smtp"));
    }

    @Override
    protected String writeOperation() {
        return "send";
    }

    @Override
    protected Map<String, Object> writeHeaders() {
        return Map.of(NotifyConstants.EVENT, "user.invited", NotifyConstants.TO, "new.user@acme.example");
    }

    @Override
    protected Object writeBody() {
        return Map.of("name", "Ada", "product", "Conductor", "code", "X1");
    }

    @Override
    protected boolean backendWritten(ResolvedInstance instance) {
        return SMTP.getReceivedMessages().length > 0;
    }

    @Override
    protected List<String> secretValues() {
        return List.of(ACCEPTED, REFUSED);
    }
}
