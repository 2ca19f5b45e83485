package io.maestro.conductor.hub.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.hazelcast.policy.HazelcastRoutePolicy;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's {@link HazelcastRoutePolicy} for one singleton route (see {@link ClusterSingletons}): the hub holding the
 * route's lock in {@value ClusterSingletons#LEADER_MAP} runs the route's consumer, the others keep it stopped and
 * retry the lock every {@value #TRY_LOCK_MILLIS} ms, so a new leader starts within that of Hazelcast releasing a dead
 * member's locks.
 *
 * <p>The lock value is this member's id. Before every exchange the policy checks that this side of the cluster
 * still has its majority ({@value ClusterSingletons#QUORUM}) and that the map still names this member: otherwise
 * (a minority side of a split brain, or two members that both held the lock before the halves merged again) the
 * exchange is skipped and logged, never run.
 */
public class ClusterSingletonPolicy extends HazelcastRoutePolicy {

    static final long TRY_LOCK_MILLIS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger("conductor.cluster");

    private final HazelcastInstance hazelcast;
    private final String routeId;

    public ClusterSingletonPolicy(HazelcastInstance hazelcast, String routeId) {
        super(hazelcast);
        this.hazelcast = hazelcast;
        this.routeId = routeId;
        setLockMapName(ClusterSingletons.LEADER_MAP);
        setLockKey(routeId);
        setLockValue(hazelcast.getCluster().getLocalMember().getUuid().toString());
        setTryLockTimeout(TRY_LOCK_MILLIS, TimeUnit.MILLISECONDS);
        // Without a majority the leader map refuses tryLock at once; one line, not a stack trace every time.
        setExceptionHandler(new LockUnavailable(routeId));
    }

    @Override
    protected void setLeader(boolean isLeader) {
        boolean was = isLeader();
        super.setLeader(isLeader);
        if (isLeader && !was) {
            LOG.info("event=singleton_leader route={} member={}", routeId, getLockValue());
        } else if (!isLeader && !hasQuorum()) {
            // The lock loop calls this after every failed attempt; a refused tryLock fails at once, so pace it.
            pause();
        }
    }

    private boolean hasQuorum() {
        if (hazelcast.getConfig().getSplitBrainProtectionConfigs().get(ClusterSingletons.QUORUM) == null) {
            return true;
        }
        try {
            return hazelcast
                    .getSplitBrainProtectionService()
                    .getSplitBrainProtection(ClusterSingletons.QUORUM)
                    .hasMinimumSize();
        } catch (RuntimeException stopped) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(TRY_LOCK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        String refused = refusal();
        if (refused != null) {
            LOG.warn("event=singleton_skipped route={} reason={}", routeId, refused);
            exchange.setRouteStop(true);
        }
    }

    /** Why this member must not run the route now, or null when it may. */
    String refusal() {
        if (!isLeader()) {
            return "not_leader";
        }
        if (!hasQuorum()) {
            return "no_quorum";
        }
        try {
            Object holder = hazelcast.getMap(ClusterSingletons.LEADER_MAP).get(routeId);
            return getLockValue().equals(holder) ? null : "lock_held_elsewhere";
        } catch (RuntimeException unreachable) {
            return "leader_map_unavailable";
        }
    }

    /** Logs a failed lock attempt as one debug line, without the stack trace Camel's default handler prints. */
    private record LockUnavailable(String routeId) implements ExceptionHandler {

        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            LOG.debug(
                    "event=singleton_lock_unavailable route={} error={}",
                    routeId,
                    exception.getClass().getSimpleName());
        }
    }
}
