package io.maestro.conductor.bench.cluster;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@link ClusterThroughput}'s command line, each option optional: {@code --hubs 1,2,3} (hub counts, in order),
 * {@code --requests 1000} and {@code --seconds 60} (each measurement stops at whichever comes first),
 * {@code --warmup 60} (requests before each measurement, not counted), {@code --clients 8} (concurrent requests),
 * {@code --hub-jar <path>} (default {@code hub/target/conductor-hub.jar} of the repository).
 */
record ClusterOptions(List<Integer> hubCounts, long requests, long seconds, long warmup, int clients, Path hubJar) {

    static ClusterOptions parse(String[] args) {
        List<Integer> hubCounts = List.of(1, 2, 3);
        long requests = 1000;
        long seconds = 60;
        long warmup = 60;
        int clients = 8;
        Path hubJar = null;
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " has no value");
        }
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--hubs" ->
                    hubCounts = Arrays.stream(value.split(","))
                            .map(Integer::valueOf)
                            .toList();
                case "--requests" -> requests = Long.parseLong(value);
                case "--seconds" -> seconds = Long.parseLong(value);
                case "--warmup" -> warmup = Long.parseLong(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--hub-jar" -> hubJar = Path.of(value);
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --hubs, --requests, --seconds, --warmup, --clients, --hub-jar)");
            }
        }
        return new ClusterOptions(hubCounts, requests, seconds, warmup, clients, hubJar);
    }
}
