package io.maestro.conductor.hub.api;

import org.springframework.http.HttpStatus;

/** The one bound on list pages of the admin API, so every list endpoint refuses the same way. */
public final class PageLimit {
    public static final int MAX = 500;

    private PageLimit() {}

    /** Returns {@code limit} if it is within 1..{@link #MAX}, else a 400 problem with code {@code LIMIT_INVALID}. */
    public static int checked(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new ApiRequestException(
                    HttpStatus.BAD_REQUEST, "LIMIT_INVALID", "limit must be between 1 and " + MAX);
        }
        return limit;
    }
}
