package io.maestro.conductor.registry;

import java.io.Serializable;

/**
 * One reason a config was refused.
 *
 * @param pointer RFC 6901 JSON pointer into the submitted config ({@code ""} for the whole document)
 * @param message what is wrong; never contains the value of a secret field
 */
public record Violation(String pointer, String message) implements Serializable {}
