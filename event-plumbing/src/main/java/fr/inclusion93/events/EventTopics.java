package fr.inclusion93.events;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;

/**
 * Creates this service's topics at startup when they are missing (in the background, retrying while the broker is
 * away, so the service starts and takes writes without it), and tells the relay which topics exist.
 */
@ApplicationScoped
public class EventTopics {

    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration KNOWN_FOR = Duration.ofSeconds(30);
    private static final int ADMIN_TIMEOUT_MS = 3000;

    private final EventTopicsConfig config;
    private final Admin admin;
    private final Set<String> declared;
    private final CountDownLatch created = new CountDownLatch(1);
    private volatile Set<String> known = Set.of();
    private volatile long knownUntil;
    private volatile boolean stopping;

    EventTopics(EventTopicsConfig config, KafkaClientSettings settings, Config mpConfig) {
        this.config = config;
        this.declared = declaredTopics(config, mpConfig);
        this.admin = Admin.create(settings.admin(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "event-topics",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ADMIN_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ADMIN_TIMEOUT_MS)));
    }

    void onStart(@Observes StartupEvent event) {
        Thread creator = new Thread(this::createMissing, "event-topics");
        creator.setDaemon(true);
        creator.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        admin.close(Duration.ofSeconds(2));
    }

    /** Waits until the declared topics exist; false if they do not within the time given. */
    public boolean awaitCreated(Duration timeout) throws InterruptedException {
        return created.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Set<String> declared() {
        return declared;
    }

    /**
     * Whether the topic exists, from a list refreshed at most every 30 s, or at once when the topic is not in it.
     *
     * @throws BrokerUnavailableException when the broker cannot be asked
     */
    boolean exists(String topic) {
        if (System.nanoTime() < knownUntil && known.contains(topic)) {
            return true;
        }
        try {
            known = admin.listTopics().names().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            knownUntil = System.nanoTime() + KNOWN_FOR.toNanos();
            return known.contains(topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        } catch (Exception e) {
            throw new BrokerUnavailableException(e);
        }
    }

    /** A topic this service declares and is still creating: its rows wait, without counting against them. */
    boolean beingCreated(String topic) {
        return created.getCount() > 0 && declared.contains(topic);
    }

    /** Forget the topic list, e.g. after a send failed in a way that may mean the broker went away. */
    void forget() {
        knownUntil = 0;
    }

    private void createMissing() {
        while (!stopping) {
            try {
                Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                List<NewTopic> missing = declared.stream().filter(t -> !existing.contains(t)).map(this::newTopic).toList();
                for (NewTopic topic : missing) {
                    create(topic);
                }
                Log.infof("Event topics ready: %s", declared);
                created.countDown();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Log.warnf("Event topics not created yet (%s); retrying in %s", e.getMessage(), RETRY);
                sleep();
            }
        }
    }

    private void create(NewTopic topic) throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(List.of(topic)).all().get();
            Log.infof("Created topic %s (%d partitions, replication factor %d)", topic.name(), topic.numPartitions(),
                    topic.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // another instance may have created it meanwhile: that is fine
            }
        }
    }

    private NewTopic newTopic(String name) {
        Map<String, String> topicConfig = new HashMap<>();
        topicConfig.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.retention().toMillis()));
        config.minInsyncReplicas().ifPresent(n -> topicConfig.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, n.toString()));
        return new NewTopic(name, config.partitions(), config.replicationFactor()).configs(topicConfig);
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static Set<String> declaredTopics(EventTopicsConfig config, Config mpConfig) {
        Set<String> topics = new TreeSet<>(config.names().orElse(List.of()));
        for (String name : mpConfig.getPropertyNames()) {
            boolean channelTopic = name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.(topic|dead-letter-queue\\.topic)");
            if (channelTopic) {
                mpConfig.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return Set.copyOf(topics);
    }

    /** The broker could not be asked: nothing is wrong with the event being sent. */
    static final class BrokerUnavailableException extends RuntimeException {
        BrokerUnavailableException(Throwable cause) {
            super("broker unavailable: " + cause.getMessage(), cause);
        }
    }
}
