package io.maestro.conductor.storage;

import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AdapterContractTest;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SPI's contract checks on storage over S3Proxy: each instance writes to a bucket of its own. */
class S3StorageContractTest extends AdapterContractTest {

    private static final String WRONG_SECRET = "not-the-" + S3ProxySandbox.DEFAULT_SECRET_KEY;
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3ProxySandbox s3;

    @BeforeAll
    static void startS3() {
        s3 = S3ProxySandbox.startTransient();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @Override
    protected AdapterComponent<?> newComponent() {
        return new StorageComponent();
    }

    @Override
    protected ResolvedInstance workingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "s3-access", s3.accessKey())
                .put(TENANT, ENVIRONMENT, "s3-secret", S3ProxySandbox.DEFAULT_SECRET_KEY);
        return instance(name, "s3-secret");
    }

    @Override
    protected ResolvedInstance refusingInstance(String name) {
        secrets.put(TENANT, ENVIRONMENT, "s3-access", s3.accessKey()).put(TENANT, ENVIRONMENT, "wrong", WRONG_SECRET);
        return instance(name, "wrong");
    }

    private static ResolvedInstance instance(String name, String secretKey) {
        String bucket = "contract-" + BUCKETS.incrementAndGet();
        s3.createBucket(bucket);
        Map<String, String> config = new HashMap<>(Map.of(
                StorageDefinitions.BUCKET,
                bucket,
                StorageDefinitions.REGION,
                S3ProxySandbox.REGION,
                StorageDefinitions.ENDPOINT,
                s3.endpoint().toString(),
                StorageDefinitions.PATH_STYLE,
                "true",
                StorageDefinitions.ACCESS_KEY,
                "secret:s3-access",
                StorageDefinitions.SECRET_KEY,
                "secret:" + secretKey));
        return new ResolvedInstance(
                new InstanceRef(TENANT, ENVIRONMENT, name),
                StorageComponent.CATEGORY,
                StorageComponent.BACKEND_S3,
                1,
                "eu-central-1",
                "medium",
                "confidential",
                config);
    }

    @Override
    protected String writeOperation() {
        return StorageOperation.put_object.name();
    }

    @Override
    protected Map<String, Object> writeHeaders() {
        return Map.of(StorageConstants.KEY, "contract/object.txt");
    }

    @Override
    protected Object writeBody() {
        return "contract";
    }

    @Override
    protected boolean backendWritten(ResolvedInstance instance) {
        return !s3.objectKeys(instance.config().get(StorageDefinitions.BUCKET)).isEmpty();
    }

    @Override
    protected List<String> secretValues() {
        return List.of(S3ProxySandbox.DEFAULT_SECRET_KEY, WRONG_SECRET);
    }
}
