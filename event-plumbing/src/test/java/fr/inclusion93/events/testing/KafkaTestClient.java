package fr.inclusion93.events.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Talks to the real broker in tests: sends raw records and watches topics from their current end. */
public final class KafkaTestClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;
    private final List<KafkaConsumer<String, String>> consumers = new ArrayList<>();

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    /** An envelope as a producing service would write it, with a fresh event id. */
    public static String envelope(String eventType, String aggregateType, String aggregateId, Map<String, ?> payload) {
        return envelope(UUID.randomUUID(), eventType, aggregateType, aggregateId, payload);
    }

    public static String envelope(UUID eventId, String eventType, String aggregateType, String aggregateId,
            Map<String, ?> payload) {
        return envelope(eventId, eventType, aggregateType, aggregateId, null, payload);
    }

    /** An envelope with this aggregate version (none when null, as events written before versions existed). */
    public static String envelope(UUID eventId, String eventType, String aggregateType, String aggregateId,
            Long aggregateVersion, Map<String, ?> payload) {
        ObjectNode envelope = MAPPER.createObjectNode()
                .put("eventId", eventId.toString())
                .put("eventType", eventType)
                .put("schemaVersion", 1)
                .put("aggregateType", aggregateType)
                .put("aggregateId", aggregateId);
        if (aggregateVersion != null) {
            envelope.put("aggregateVersion", aggregateVersion);
        }
        envelope.put("occurredAt", Instant.now().toString());
        envelope.set("payload", MAPPER.valueToTree(payload));
        return envelope.toString();
    }

    public void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends a record (with headers, say) and waits for the broker's acknowledgement. */
    public void send(ProducerRecord<String, String> record) {
        String topic = record.topic();
        try {
            producer.send(record).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** Starts watching a topic from its current end; records sent before this call are not seen. */
    public Watch watch(String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "test-watch-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        consumers.add(consumer);
        consumer.subscribe(List.of(topic));
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position); // resolve the end offsets now, not at the next poll
        return new Watch(consumer);
    }

    @Override
    public void close() {
        consumers.forEach(KafkaConsumer::close);
        producer.close();
    }

    /** Records of one topic from the moment {@link #watch} was called. */
    public static final class Watch {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        private Watch(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> wanted) {
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(wanted);
            });
            return seen.stream().filter(wanted).findFirst().orElseThrow();
        }

        /** Everything seen so far, after one more poll. */
        public List<ConsumerRecord<String, String>> seen() {
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            return List.copyOf(seen);
        }
    }
}
