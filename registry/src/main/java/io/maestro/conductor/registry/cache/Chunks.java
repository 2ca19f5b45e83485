package io.maestro.conductor.registry.cache;

import java.util.ArrayList;
import java.util.List;

/** Splits key lists so an SQL {@code IN (...)} stays a sane size. */
final class Chunks {

    static final int SIZE = 500;

    private Chunks() {}

    static <T> List<List<T>> of(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += SIZE) {
            chunks.add(items.subList(from, Math.min(items.size(), from + SIZE)));
        }
        return chunks;
    }
}
