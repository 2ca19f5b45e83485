package io.maestro.conductor.storage;

import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Per-endpoint options of {@code storage:}. Where data goes (bucket, region, endpoint, key prefix, credentials) is
 * not an endpoint option: it is the adapter instance's config, resolved per tenant from the registry (see
 * {@link StorageInstanceConfig}), so a route cannot point a tenant's data elsewhere.
 */
@UriParams
@Configurer
public class StorageConfiguration implements Cloneable {

    @UriParam(
            defaultValue = "application/octet-stream",
            description = "Content type of objects written by put_object when the exchange gives none")
    private String contentType = "application/octet-stream";

    @UriParam(defaultValue = "1000", description = "Largest page list returns")
    private int maxKeys = 1000;

    @UriParam(defaultValue = "900", description = "Lifetime of URLs made by signed_url, in seconds (at most 7 days)")
    @Metadata(label = "security")
    private long signedUrlExpirySeconds = 900;

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public int getMaxKeys() {
        return maxKeys;
    }

    public void setMaxKeys(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    public long getSignedUrlExpirySeconds() {
        return signedUrlExpirySeconds;
    }

    public void setSignedUrlExpirySeconds(long signedUrlExpirySeconds) {
        this.signedUrlExpirySeconds = signedUrlExpirySeconds;
    }

    public StorageConfiguration copy() {
        try {
            return (StorageConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
