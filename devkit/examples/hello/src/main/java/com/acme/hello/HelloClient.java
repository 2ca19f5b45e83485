package com.acme.hello;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One instance's client of the greeting service: {@code POST <endpoint>/greetings} with a bearer API key. */
final class HelloClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String instanceId;
    private final URI greetings;
    private final String greeting;
    private final Secret apiKey;
    private final HttpClient http;

    HelloClient(String instanceId, String endpoint, String greeting, Secret apiKey) {
        this.instanceId = instanceId;
        this.greetings = URI.create(endpoint.replaceAll("/+$", "") + "/greetings");
        this.greeting = greeting;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** Sends this instance's greeting to {@code name}; the service's reply. */
    String greet(String name) {
        return send(
                HttpRequest.newBuilder(greetings).POST(HttpRequest.BodyPublishers.ofString(greeting + ", " + name)));
    }

    /** The cheapest call that proves the service is there and takes the key. */
    void probe() {
        send(HttpRequest.newBuilder(greetings).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(
                    request.timeout(TIMEOUT)
                            .header("Authorization", "Bearer " + apiKey.reveal())
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AdapterException(
                    HelloErrorCode.HELLO_UNREACHABLE, instanceId, "the greeting service is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException(HelloErrorCode.HELLO_UNREACHABLE, instanceId, "interrupted");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new AdapterException(
                    HelloErrorCode.HELLO_REFUSED, instanceId, "the greeting service refused the key");
        }
        if (status >= 300) {
            throw new AdapterException(
                    HelloErrorCode.HELLO_FAILED, instanceId, "the greeting service answered " + status);
        }
        return response.body();
    }

    /** Nothing to release: Java 17's HttpClient has no close, its threads end once it is unreachable. */
    @Override
    public void close() {}
}
