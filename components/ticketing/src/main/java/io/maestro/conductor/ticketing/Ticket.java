package io.maestro.conductor.ticketing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ticket as the tracker holds it.
 *
 * @param id          the tracker's id (Redmine's issue number)
 * @param externalKey the caller's key, or null for a ticket Conductor did not open
 * @param status      the tracker's status name
 */
public record Ticket(String id, String externalKey, String subject, String status, boolean closed) {

    /** The body lookup answers: {@code id, externalKey, subject, status, closed}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("externalKey", externalKey);
        map.put("subject", subject);
        map.put("status", status);
        map.put("closed", closed);
        return map;
    }
}
