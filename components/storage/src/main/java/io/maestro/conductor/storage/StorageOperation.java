package io.maestro.conductor.storage;

/** What a {@code storage:} call does; the name is the endpoint path, e.g. {@code storage:put_object}. */
public enum StorageOperation {
    put_object,
    get_object,
    list,
    delete,
    head,
    signed_url
}
