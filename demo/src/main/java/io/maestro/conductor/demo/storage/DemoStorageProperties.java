package io.maestro.conductor.demo.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default's demo storage ({@code conductor.demo.storage.*}).
 *
 * @param enabled     start the in-process peers and run the demo uploads (never under the production profile)
 * @param s3Port      the S3Proxy port on 127.0.0.1; 0 (the default) picks a free port on the first start and keeps
 *                    it in {@code <data-dir>/demo-s3-port} for later starts. The demo tenants' S3 instances are
 *                    pointed at wherever the sandbox listens (an ordinary update with a receipt, once)
 * @param environment the demo tenants' environment the demo uploads to
 * @param deniedRegion the data region of the upload residency is expected to deny
 */
@ConfigurationProperties(prefix = "conductor.demo.storage", ignoreUnknownFields = false)
public record DemoStorageProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0") int s3Port,
        @DefaultValue("dev") String environment,
        @DefaultValue("ap-southeast-1") String deniedRegion) {}
