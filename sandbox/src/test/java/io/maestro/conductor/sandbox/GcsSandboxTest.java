package io.maestro.conductor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GcsSandboxTest {

    @Test
    void storesAndReadsObjectsAndKeepsSandboxesApart() throws Exception {
        try (GcsSandbox first = new GcsSandbox();
                GcsSandbox second = new GcsSandbox()) {
            first.storage()
                    .create(
                            BlobInfo.newBuilder(BlobId.of("evidence", "t1/a.txt"))
                                    .build(),
                            "hello".getBytes(StandardCharsets.UTF_8));

            assertThat(first.storage().readAllBytes(BlobId.of("evidence", "t1/a.txt")))
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("hello");
            assertThat(first.objectNames("evidence")).containsExactly("t1/a.txt");
            assertThat(second.storage().get(BlobId.of("evidence", "t1/a.txt"))).isNull();
        }
    }
}
