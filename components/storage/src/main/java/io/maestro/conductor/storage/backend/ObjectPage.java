package io.maestro.conductor.storage.backend;

import java.util.List;

/** One page of a listing; {@code nextToken} is null on the last page. */
public record ObjectPage(List<ObjectInfo> objects, String nextToken) {

    public ObjectPage {
        objects = List.copyOf(objects);
    }
}
