package io.maestro.conductor.hub.api.request;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How many bytes a request body may have ({@code conductor.api.*}): {@code max-body-bytes} for every path, unless an
 * entry of {@code body-limits} matches the path first (entries are tried in order; patterns as Spring MVC's, e.g.
 * {@code /api/tenants/*}{@code /environments/*}{@code /evidence}).
 *
 * @param maxBodyBytes the bound of a path no override names
 * @param bodyLimits   per-path overrides, first match wins
 */
@ConfigurationProperties(prefix = "conductor.api", ignoreUnknownFields = false)
public record RequestBodyLimits(
        @DefaultValue("1MB") DataSize maxBodyBytes,
        @DefaultValue List<PathLimit> bodyLimits) {

    /** One override: requests whose path matches {@code path} may carry up to {@code maxBytes}. */
    public record PathLimit(String path, DataSize maxBytes) {}

    /** The limits with their patterns parsed once, for the filter to ask per request. */
    Resolver resolver() {
        PathPatternParser parser = new PathPatternParser();
        List<Map.Entry<PathPattern, Long>> patterns = bodyLimits.stream()
                .map(limit -> {
                    if (limit.path() == null || limit.maxBytes() == null) {
                        throw new IllegalArgumentException("conductor.api.body-limits entries need path and max-bytes");
                    }
                    return Map.entry(
                            parser.parse(limit.path()), limit.maxBytes().toBytes());
                })
                .toList();
        return new Resolver(patterns, maxBodyBytes.toBytes());
    }

    record Resolver(List<Map.Entry<PathPattern, Long>> patterns, long otherwise) {

        /** The bound, in bytes, of a request to {@code path} (inside the application, without the query). */
        long limitFor(String path) {
            PathContainer parsed = PathContainer.parsePath(path);
            for (Map.Entry<PathPattern, Long> entry : patterns) {
                if (entry.getKey().matches(parsed)) {
                    return entry.getValue();
                }
            }
            return otherwise;
        }
    }
}
