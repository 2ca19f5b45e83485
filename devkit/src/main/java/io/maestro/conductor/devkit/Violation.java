package io.maestro.conductor.devkit;

/**
 * One reason a manifest was refused.
 *
 * @param pointer RFC 6901 JSON pointer into the manifest ({@code ""} for the whole document)
 * @param message what is wrong, bounded in length and never quoting the document's text
 */
public record Violation(String pointer, String message) {}
