package io.maestro.conductor.hub.evidence;

import io.maestro.conductor.hub.support.Api;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A multipart/form-data request built the way a browser or curl sends one, streamed from its parts' sources (a
 * file's content is never held whole), sent with the JDK client in chunks (no Content-Length).
 */
final class MultipartBody {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String boundary = "conductor-" + UUID.randomUUID();
    private final List<Supplier<InputStream>> parts = new ArrayList<>();

    MultipartBody field(String name, String value) {
        String part =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
        parts.add(() -> text(part));
        return this;
    }

    MultipartBody file(String fileName, String contentType, Supplier<InputStream> content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        parts.add(() -> text(head));
        parts.add(content);
        parts.add(() -> text("\r\n"));
        return this;
    }

    MultipartBody file(String fileName, String contentType, byte[] content) {
        return file(fileName, contentType, () -> new ByteArrayInputStream(content));
    }

    Api.Answer post(int port, String path, String user, String password) {
        List<Supplier<InputStream>> all = new ArrayList<>(parts);
        all.add(() -> text("--" + boundary + "--\r\n"));
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        Collections.enumeration(all.stream().map(Supplier::get).toList()))))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
