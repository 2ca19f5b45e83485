package io.maestro.conductor.ticketing;

/**
 * What a call sets on a ticket; null leaves a field as it is (update) or to the tracker's default (create).
 *
 * @param subject     one line, up to 200 characters (the external key's tag is added by the backend)
 * @param description plain text, up to 64 KiB
 * @param priority    the tracker's priority name (e.g. {@code High}); unknown names are refused
 */
public record TicketFields(String subject, String description, String priority) {}
