package fr.inclusion93.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may publish the outbox: one relay per database at a time, so an aggregate's events leave in order even with
 * several instances. A lease (a row with a holder and an expiry) rather than a database lock: nothing is held while
 * the relay waits on the broker, and a holder that dies is replaced when its lease runs out.
 */
@ApplicationScoped
class RelayLease {

    private final OutboxConfig config;
    private final String holder;
    private volatile long renewAfter = System.nanoTime();

    RelayLease(OutboxConfig config, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.config = config;
        this.holder = config.instanceId().orElseGet(() -> hostName() + ":" + httpPort);
    }

    /**
     * Takes or renews the lease; false while another live instance holds it. While more than half of a lease this
     * instance took is left, it is not renewed (a round must not pay a database write for it).
     */
    boolean acquire() {
        long asked = System.nanoTime();
        if (asked < renewAfter) {
            return true;
        }
        boolean held = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.getEntityManager().createNativeQuery("""
                update outbox_relay_lease set holder = :holder, expires_at = now() + make_interval(secs => :seconds)
                where id = 1 and (holder = :holder or holder is null or expires_at < now())""")
                .setParameter("holder", holder)
                .setParameter("seconds", config.lease().toMillis() / 1000.0)
                .executeUpdate()) == 1;
        renewAfter = held ? asked + config.lease().toNanos() / 2 : asked;
        return held;
    }

    /** Lets another instance take over at once (on a clean shutdown). */
    void release() {
        renewAfter = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.getEntityManager().createNativeQuery("""
                update outbox_relay_lease set holder = null, expires_at = 'epoch' where id = 1 and holder = :holder""")
                .setParameter("holder", holder)
                .executeUpdate());
    }

    String holder() {
        return holder;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
