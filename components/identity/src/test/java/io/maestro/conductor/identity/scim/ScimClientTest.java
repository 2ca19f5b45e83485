package io.maestro.conductor.identity.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import io.maestro.conductor.identity.provisioning.RetryPolicy;
import io.maestro.conductor.sandbox.identity.ScimSandbox;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SCIM client against Apache SCIMple over HTTP: idempotent provisioning, retries, errors naming scimType. */
class ScimClientTest {

    private static final String TOKEN = "scim-client-test-token";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final RetryPolicy RETRY =
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10));
    private static ScimSandbox scim;

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private ScimClient client;

    @BeforeAll
    static void start() {
        scim = ScimSandbox.start(TOKEN);
    }

    @AfterAll
    static void stop() {
        scim.close();
    }

    @BeforeEach
    void fresh() {
        scim.reset();
        client = new ScimClient(ScimSettings.of(scim.baseUri(), TOKEN).withRetry(RETRY), HTTP, waits::add);
    }

    private static ScimUser alice() {
        return new ScimUser(null, "hr-1001", "alice", "Alice Liddell", "Alice", "Liddell", "alice@example.com", true);
    }

    @Test
    void createIsIdempotentByExternalId() {
        ProvisionedUser first = client.createUser(alice());
        ProvisionedUser again = client.createUser(alice());

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.user().id()).isEqualTo(first.user().id());
        assertThat(first.user()).isEqualTo(alice().withId(first.user().id()));
        assertThat(scim.users()).hasSize(1);
    }

    @Test
    void createRetriesAfterA503HonouringRetryAfter() {
        scim.failNext(1, 503, Duration.ofSeconds(2));

        ProvisionedUser user = client.createUser(alice());

        assertThat(user.created()).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(scim.users()).hasSize(1);
    }

    @Test
    void a429WithoutRetryAfterBacksOffExponentiallyThenGivesUpNamingTheStatus() {
        scim.failNext(3, 429, null);

        IdentityException failure = catchThrowableOfType(() -> client.createUser(alice()), IdentityException.class);

        assertThat(failure.code()).isEqualTo(IdentityErrorCode.SCIM_UNAVAILABLE);
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.getMessage()).contains("after 3 attempts").contains("answered 429");
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(scim.users()).isEmpty();
    }

    @Test
    void aRetryAfterLongerThanTheLimitFailsAtOnce() {
        scim.failNext(1, 503, Duration.ofMinutes(5));

        IdentityException failure = catchThrowableOfType(() -> client.createUser(alice()), IdentityException.class);

        assertThat(failure.code()).isEqualTo(IdentityErrorCode.SCIM_UNAVAILABLE);
        assertThat(failure.getMessage()).contains("asks to wait 300 s");
        assertThat(waits).isEmpty();
    }

    @Test
    void aUserNameTakenBySomeoneElseIsAConflictNamingUniqueness() {
        client.createUser(alice());
        ScimUser impostor = new ScimUser(null, "hr-2002", "alice", "Another Alice", null, null, null, true);

        IdentityException failure = catchThrowableOfType(() -> client.createUser(impostor), IdentityException.class);

        assertThat(failure.code()).isEqualTo(IdentityErrorCode.SCIM_CONFLICT);
        assertThat(failure.getMessage()).contains("POST /Users answered 409, scimType uniqueness");
        assertThat(scim.users()).hasSize(1);
    }

    @Test
    void refusedCredentialsAreNotRetriedAndNeverShowTheToken() {
        ScimClient wrong =
                new ScimClient(ScimSettings.of(scim.baseUri(), "not-the-token").withRetry(RETRY), HTTP, waits::add);
        long before = scim.requestCount();

        IdentityException failure = catchThrowableOfType(() -> wrong.createUser(alice()), IdentityException.class);

        assertThat(failure.code()).isEqualTo(IdentityErrorCode.SCIM_UNAUTHORIZED);
        assertThat(scim.requestCount() - before).isEqualTo(1);
        assertThat(failure.getMessage()).doesNotContain("not-the-token");
        assertThat(ScimSettings.of(scim.baseUri(), "not-the-token").toString()).doesNotContain("not-the-token");
    }

    @Test
    void updatesAndDeactivatesAUserOnceEach() {
        String id = client.createUser(alice()).user().id();

        ScimUser renamed = client.updateUser(
                id,
                new ScimUser(
                        null,
                        "hr-1001",
                        "alice",
                        "Alice Pleasance Liddell",
                        "Alice",
                        "Liddell",
                        "alice@example.com",
                        true));
        ScimUser inactive = client.deactivateUser(id);
        long before = scim.requestCount();
        ScimUser again = client.deactivateUser(id);

        assertThat(renamed.displayName()).isEqualTo("Alice Pleasance Liddell");
        assertThat(renamed.id()).isEqualTo(id);
        assertThat(inactive.active()).isFalse();
        assertThat(again.active()).isFalse();
        assertThat(scim.requestCount() - before).as("only the read, no PATCH").isEqualTo(1);
        assertThat(scim.users()).singleElement().satisfies(user -> {
            assertThat(user.getActive()).isFalse();
            assertThat(user.getDisplayName()).isEqualTo("Alice Pleasance Liddell");
        });
    }

    @Test
    void updatingAMissingUserIsNotFound() {
        IdentityException failure =
                catchThrowableOfType(() -> client.updateUser("no-such-id", alice()), IdentityException.class);

        assertThat(failure.code()).isEqualTo(IdentityErrorCode.SCIM_NOT_FOUND);
        assertThat(client.getUser("no-such-id")).isEmpty();
    }

    @Test
    void groupMembershipIsAddedAndRemovedOnce() {
        String userId = client.createUser(alice()).user().id();
        String groupId = client.ensureGroup("finance");

        assertThat(client.ensureGroup("finance")).isEqualTo(groupId);
        client.addGroupMember(groupId, userId);
        client.addGroupMember(groupId, userId);
        assertThat(scim.groups())
                .singleElement()
                .satisfies(group -> assertThat(group.getMembers())
                        .extracting(member -> member.getValue())
                        .containsExactly(userId));

        client.removeGroupMember(groupId, userId);
        client.removeGroupMember(groupId, userId);
        assertThat(scim.groups())
                .singleElement()
                .satisfies(group -> assertThat(group.getMembers() == null ? List.of() : group.getMembers())
                        .isEmpty());
    }

    @Test
    void aCreateWithoutExternalIdIsRefusedBeforeAnythingIsSent() {
        long before = scim.requestCount();
        ScimUser anonymous = new ScimUser(null, null, "bob", null, null, null, null, true);

        assertThat(catchThrowableOfType(() -> client.createUser(anonymous), IdentityException.class)
                        .code())
                .isEqualTo(IdentityErrorCode.SCIM_REQUEST_INVALID);
        assertThat(scim.requestCount()).isEqualTo(before);
    }
}
