package io.maestro.conductor.adapter.config;

import java.util.List;

/** What an adapter jar declares: its definitions. Named to {@link DefinitionGenerator} by the adapter's build. */
@FunctionalInterface
public interface AdapterDefinitions {

    /**
     * The config key of every definition whose instances call a URL the instance's config may change (an S3
     * endpoint override, the API base of a SaaS): where its data and credentials go. One key for all, so the hub's
     * endpoint allowlist governs every adapter's without knowing any of them.
     */
    String ENDPOINT = "endpoint";

    List<AdapterDefinitionSpec> definitions();
}
