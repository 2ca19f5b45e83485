package io.maestro.conductor.demo.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default's demo mail server ({@code conductor.demo.notify.*}).
 *
 * @param enabled     start GreenMail (SMTP on a free 127.0.0.1 port) and give the tenant its notify instance
 * @param tenant      the instance's tenant, environment and name ({@code alerts}: where alert delivery mails a
 *                    tenant's adapter alerts)
 * @param region      the instance's region tag
 * @param recipient   the instance's default recipient (a GreenMail mailbox)
 */
@ConfigurationProperties("conductor.demo.notify")
public record DemoNotifyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("atlas") String tenant,
        @DefaultValue("dev") String environment,
        @DefaultValue("alerts") String instance,
        @DefaultValue("eu-west-1") String region,
        @DefaultValue("platform-oncall@atlas.example") String recipient) {}
