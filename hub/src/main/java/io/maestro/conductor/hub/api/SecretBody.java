package io.maestro.conductor.hub.api;

/** Body of a secret write. Never echoed; {@link #toString()} hides the value. */
public record SecretBody(String value) {

    @Override
    public String toString() {
        return "SecretBody[****]";
    }
}
