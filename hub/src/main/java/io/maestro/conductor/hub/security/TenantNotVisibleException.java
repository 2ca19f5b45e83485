package io.maestro.conductor.hub.security;

/** A tenant the caller may not see; rendered exactly like an unknown tenant. */
public class TenantNotVisibleException extends RuntimeException {

    private final String tenant;

    public TenantNotVisibleException(String tenant) {
        super("tenant '" + tenant + "' not found");
        this.tenant = tenant;
    }

    public String tenant() {
        return tenant;
    }
}
