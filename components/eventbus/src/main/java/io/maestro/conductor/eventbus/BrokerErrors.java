package io.maestro.conductor.eventbus;

import io.maestro.conductor.adapter.Masking;

/** The text of a broker client's failure as an adapter error carries it: the exception's name and masked message. */
public final class BrokerErrors {

    private static final int MAX_CHARS = 300;

    private BrokerErrors() {}

    public static String describe(String broker, Throwable cause) {
        String message = cause.getMessage() == null ? "" : ": " + Masking.maskText(cause.getMessage());
        return broker + " " + cause.getClass().getSimpleName()
                + (message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) : message);
    }
}
