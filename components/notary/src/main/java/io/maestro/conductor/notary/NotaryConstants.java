package io.maestro.conductor.notary;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code notary:} component. */
public final class NotaryConstants {

    @Metadata(
            description = "Overrides the endpoint's operation for this exchange (sign, timestamp, seal)",
            javaType = "String")
    public static final String OPERATION = "CamelConductorNotaryOperation";

    @Metadata(description = "sign, seal: the signing key's id (its JWK thumbprint, RFC 7638)", javaType = "String")
    public static final String KEY_ID = "CamelConductorNotaryKeyId";

    @Metadata(
            description = "sign, seal: the JWS (compact serialisation, detached payload: the body is the payload)",
            javaType = "String")
    public static final String SIGNATURE = "CamelConductorNotarySignature";

    @Metadata(
            description = "timestamp, seal: the RFC 3161 TimeStampToken over the body's SHA-256 (DER, base64)",
            javaType = "String")
    public static final String TIMESTAMP_TOKEN = "CamelConductorNotaryTimestampToken";

    @Metadata(description = "timestamp, seal: the TSA's time (genTime)", javaType = "java.time.Instant")
    public static final String TIMESTAMPED_AT = "CamelConductorNotaryTimestampedAt";

    private NotaryConstants() {}
}
