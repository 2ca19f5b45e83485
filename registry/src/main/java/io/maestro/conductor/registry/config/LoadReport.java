package io.maestro.conductor.registry.config;

/** What a tenant-config load changed; all zeros when the database already matched the files. */
public record LoadReport(
        int definitionsPublished,
        int tenantsChanged,
        int secretsWritten,
        int instancesInstalled,
        int instancesUpdated) {

    public boolean changedAnything() {
        return definitionsPublished + tenantsChanged + secretsWritten + instancesInstalled + instancesUpdated > 0;
    }
}
