package io.maestro.conductor.adapter.config;

import java.util.List;

/** What an adapter jar declares: its definitions. Named to {@link DefinitionGenerator} by the adapter's build. */
@FunctionalInterface
public interface AdapterDefinitions {

    List<AdapterDefinitionSpec> definitions();
}
