package io.maestro.conductor.notify;

/** One notify instance's delegate: e-mail over SMTP or a signed webhook. */
public interface NotifyBackend extends AutoCloseable {

    /** Delivers {@code notification}; throws a coded {@code AdapterException} when it cannot. */
    Delivery send(Notification notification);

    /** The cheapest proof of reachability and credentials, sending nothing to anyone. */
    void probe();

    @Override
    void close();

    /** @param id the delivery's id; {@code attempts} how many tries it took */
    record Delivery(String id, int attempts) {}
}
