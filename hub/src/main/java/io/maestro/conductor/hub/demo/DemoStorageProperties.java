package io.maestro.conductor.hub.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default's demo storage ({@code conductor.demo-storage.*}).
 *
 * @param enabled     start the in-process peers and run the demo uploads; the production profile sets false
 * @param s3Port      the S3Proxy port; the demo tenants' S3 instances name {@code http://127.0.0.1:9000}, and an
 *                    instance whose endpoint differs is pointed at the sandbox (0 picks a free port, for tests)
 * @param environment the demo tenants' environment the demo uploads to
 * @param deniedRegion the data region of the upload residency is expected to deny
 */
@ConfigurationProperties("conductor.demo-storage")
public record DemoStorageProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("9000") int s3Port,
        @DefaultValue("dev") String environment,
        @DefaultValue("ap-southeast-1") String deniedRegion) {
}
