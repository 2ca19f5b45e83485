package io.maestro.conductor.sandbox.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.exception.ResourceException;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpressions;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * SCIMple's storage SPI kept in memory, in insertion order: filters are evaluated by SCIMple's own in-memory
 * filter evaluation, then paged (1-based {@code startIndex}, RFC 7644 §3.4.2.4), and {@code totalResults} counts
 * every match, not just the page.
 */
abstract class InMemoryScimRepository<T extends ScimResource> implements Repository<T> {

    private final Map<String, T> resources = new LinkedHashMap<>();
    private Class<T> resourceClass;
    private String schemaUri;
    private Function<T, String> uniqueValue;
    private SchemaRegistry schemaRegistry;
    private PatchHandler patchHandler;

    /** For CDI's client proxy only. */
    protected InMemoryScimRepository() {}

    /**
     * @param uniqueValue the attribute that must be unique (RFC 7643: a user's {@code userName}; here also a
     *                    group's {@code displayName})
     */
    protected InMemoryScimRepository(
            Class<T> resourceClass,
            String schemaUri,
            Function<T, String> uniqueValue,
            SchemaRegistry schemaRegistry,
            PatchHandler patchHandler) {
        this.resourceClass = resourceClass;
        this.schemaUri = schemaUri;
        this.uniqueValue = uniqueValue;
        this.schemaRegistry = schemaRegistry;
        this.patchHandler = patchHandler;
    }

    @Override
    public Class<T> getResourceClass() {
        return resourceClass;
    }

    @Override
    public synchronized T create(T resource) throws ResourceException {
        requireUnique(resource, null);
        resource.setId(UUID.randomUUID().toString());
        resources.put(resource.getId(), resource);
        return resource;
    }

    @Override
    public synchronized T update(
            String id, String version, T resource, Set<AttributeReference> included, Set<AttributeReference> excluded)
            throws ResourceException {
        requireExisting(id);
        requireUnique(resource, id);
        resource.setId(id);
        resources.put(id, resource);
        return resource;
    }

    @Override
    public synchronized T patch(
            String id,
            String version,
            List<PatchOperation> operations,
            Set<AttributeReference> included,
            Set<AttributeReference> excluded)
            throws ResourceException {
        T patched = patchHandler.apply(requireExisting(id), operations);
        requireUnique(patched, id);
        resources.put(id, patched);
        return patched;
    }

    @Override
    public synchronized T get(String id) {
        return resources.get(id);
    }

    @Override
    public synchronized void delete(String id) throws ResourceException {
        requireExisting(id);
        resources.remove(id);
    }

    @Override
    public synchronized FilterResponse<T> find(Filter filter, PageRequest page, SortRequest sort) {
        Predicate<ScimResource> matches = filter == null
                ? resource -> true
                : FilterExpressions.inMemory(filter, schemaRegistry.getSchema(schemaUri));
        List<T> matching = resources.values().stream().filter(matches).toList();
        int from = page.getStartIndex() == null ? 0 : Math.max(0, page.getStartIndex() - 1);
        int count = page.getCount() == null ? matching.size() : Math.max(0, page.getCount());
        int to = Math.min(matching.size(), from + count);
        List<T> pageOfResults = from >= to ? List.of() : new ArrayList<>(matching.subList(from, to));
        return new FilterResponse<>(pageOfResults, page, matching.size());
    }

    /** A copy of everything stored, read without HTTP (for assertions). */
    synchronized List<T> all() {
        return List.copyOf(resources.values());
    }

    synchronized void clear() {
        resources.clear();
    }

    private T requireExisting(String id) throws ResourceException {
        T existing = resources.get(id);
        if (existing == null) {
            throw new ResourceException(404, "Resource " + id + " not found");
        }
        return existing;
    }

    private void requireUnique(T resource, String ownId) throws ResourceException {
        String value = uniqueValue.apply(resource);
        boolean taken = value != null
                && resources.values().stream()
                        .anyMatch(other ->
                                !other.getId().equals(ownId) && value.equalsIgnoreCase(uniqueValue.apply(other)));
        if (taken) {
            // SCIMple's mapper answers 409 with scimType "uniqueness".
            throw new ResourceException(409, "'" + value + "' is already taken");
        }
    }
}
