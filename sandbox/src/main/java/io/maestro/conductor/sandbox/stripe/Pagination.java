package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Stripe's cursor pagination over a list sorted newest first: {@code limit} (1 to 100, default 10),
 * {@code starting_after} (the page after that object) or {@code ending_before} (the page before it), and
 * {@code has_more}.
 */
final class Pagination {

    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;

    private Pagination() {}

    static ObjectNode page(StripeRequest request, String url, String objectName, List<ObjectNode> newestFirst) {
        Long limitParam = request.integer("limit");
        int limit = limitParam == null ? DEFAULT_LIMIT : (int) Math.max(Math.min(limitParam, Integer.MAX_VALUE), 0);
        if (limitParam != null && (limitParam < 1 || limitParam > MAX_LIMIT)) {
            throw StripeApiException.invalid(
                    "parameter_invalid_integer", "Invalid limit: must be between 1 and " + MAX_LIMIT, "limit");
        }
        String startingAfter = request.string("starting_after");
        String endingBefore = request.string("ending_before");
        if (startingAfter != null && endingBefore != null) {
            throw StripeApiException.invalid(
                    null,
                    "You may only specify one of these parameters: ending_before, starting_after.",
                    "ending_before");
        }
        if (startingAfter != null) {
            int from = indexOf(newestFirst, startingAfter, objectName, "starting_after") + 1;
            int to = Math.min(from + limit, newestFirst.size());
            return StripeObjects.list(url, newestFirst.subList(from, to), to < newestFirst.size());
        }
        if (endingBefore != null) {
            int to = indexOf(newestFirst, endingBefore, objectName, "ending_before");
            int from = Math.max(0, to - limit);
            return StripeObjects.list(url, newestFirst.subList(from, to), from > 0);
        }
        int to = Math.min(limit, newestFirst.size());
        return StripeObjects.list(url, newestFirst.subList(0, to), to < newestFirst.size());
    }

    private static int indexOf(List<ObjectNode> objects, String id, String objectName, String param) {
        for (int i = 0; i < objects.size(); i++) {
            if (id.equals(objects.get(i).path("id").asText())) {
                return i;
            }
        }
        throw StripeApiException.noSuch(objectName, id, param);
    }
}
