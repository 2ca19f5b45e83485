package io.maestro.conductor.ticketing;

import java.util.Optional;

/** One ticketing instance's delegate: a tracker's REST API. Failures are coded {@code AdapterException}s. */
public interface TicketingBackend extends AutoCloseable {

    /**
     * Opens a ticket with {@code externalKey} unless one (open or closed) already has it: then that one is answered,
     * with {@link Result#created()} false. A retried create therefore never makes a second ticket.
     */
    Result create(String externalKey, TicketFields fields);

    /** The ticket with {@code externalKey}, open or closed. */
    Optional<Ticket> lookup(String externalKey);

    /** The ticket with the tracker's {@code id}; {@code TICKETING_NOT_FOUND} when there is none. */
    Ticket get(String id);

    void update(String id, TicketFields fields);

    void comment(String id, String text);

    /** Closes the ticket, with {@code note} as its last comment when not null; closing a closed ticket changes nothing. */
    Ticket close(String id, String note);

    /** The cheapest proof that the tracker answers, accepts the API key and shows the project; creates nothing. */
    void probe();

    @Override
    void close();

    record Result(Ticket ticket, boolean created, int attempts) {}
}
