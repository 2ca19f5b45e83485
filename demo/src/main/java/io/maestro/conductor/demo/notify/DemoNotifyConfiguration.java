package io.maestro.conductor.demo.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.maestro.conductor.registry.Registry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's demo mail server: GreenMail's SMTP on a free 127.0.0.1 port and the demo tenant's
 * {@code alerts} notify instance on it, so adapter alerts are mailed (read them with
 * {@code GreenMail#getReceivedMessages()} in tests; nothing leaves the machine). Never under the {@code production}
 * profile; off with {@code conductor.demo.notify.enabled=false}.
 */
@AutoConfiguration
@Profile("!production")
@ConditionalOnProperty(name = "conductor.demo.notify.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DemoNotifyProperties.class)
public class DemoNotifyConfiguration {

    @Bean(destroyMethod = "stop")
    GreenMail demoMailServer() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }

    @Bean
    DemoNotifySetup demoNotifySetup(Registry registry, GreenMail mail, DemoNotifyProperties demo) {
        return new DemoNotifySetup(registry, mail, demo);
    }
}
