package com.acme.hello;

import static io.maestro.conductor.adapter.config.ConfigType.STRING;
import static io.maestro.conductor.adapter.config.InstanceConfigDef.REQUIRED;

import io.maestro.conductor.adapter.config.AdapterDefinitionSpec;
import io.maestro.conductor.adapter.config.AdapterDefinitions;
import io.maestro.conductor.adapter.config.ConfigValidator;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import java.util.List;

/** The hello adapter's definition and instance config, declared once; the build writes both into the jar. */
public final class HelloDefinitions implements AdapterDefinitions {

    public static final String NAME = "hello-notify";
    public static final String VERSION = "1.1.0";
    public static final String GREETING = "greeting";
    public static final String API_KEY = "apiKey";

    public static final InstanceConfigDef CONFIG = new InstanceConfigDef()
            .define(GREETING, STRING, REQUIRED, ConfigValidator.maxLength(64), "What to say")
            .define(
                    ENDPOINT,
                    STRING,
                    REQUIRED,
                    ConfigValidator.pattern("https?://\\S+", "an http(s) URL"),
                    "The greeting service's URL")
            .defineSecret(API_KEY, true, "API key of the greeting service");

    @Override
    public List<AdapterDefinitionSpec> definitions() {
        return List.of(new AdapterDefinitionSpec(
                NAME,
                VERSION,
                HelloComponent.CATEGORY,
                "partner-acme",
                "Says hello to a greeting service; the dev kit's example adapter",
                "low",
                "internal",
                false,
                List.of("eu-west-1", "us-east-1"),
                List.of("greet"),
                CONFIG));
    }
}
