package io.maestro.conductor.hub.certification;

/**
 * A reviewer's decision: the state to move to ({@code certified}, {@code rejected}, {@code marketplace_ready}) and
 * notes for the evidence (at most 2,000 characters).
 */
public record TransitionBody(String to, String notes) {}
