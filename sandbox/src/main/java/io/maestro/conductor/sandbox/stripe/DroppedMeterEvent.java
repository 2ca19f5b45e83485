package io.maestro.conductor.sandbox.stripe;

/**
 * A meter event the v2 stream accepted but did not keep (its validation is asynchronous), with the reason in the
 * manner of Stripe's meter error reports: {@code timestamp_too_far_in_past}, {@code timestamp_in_future},
 * {@code duplicate_identifier}.
 */
public record DroppedMeterEvent(String identifier, String code) {}
