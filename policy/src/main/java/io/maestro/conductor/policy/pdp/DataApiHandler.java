package io.maestro.conductor.policy.pdp;

/** Something that answers a Data API request; {@link OpaDataApi#handle} is the real one. */
@FunctionalInterface
public interface DataApiHandler {
    OpaDataApi.Response handle(String method, String path, String body);
}
