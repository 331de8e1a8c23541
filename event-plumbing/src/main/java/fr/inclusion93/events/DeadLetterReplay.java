package fr.inclusion93.events;

import fr.inclusion93.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what a dead-letter topic holds back to the topic it came from (its {@code dead-letter-topic} header), once
 * the cause is fixed. Each replay starts where the previous one stopped (offsets committed by the group
 * {@code <application>-dead-letter-replay}), and a record sent twice is harmless: every consumer of the topic applies
 * an event once, and in its aggregate's version order. A replayed record that fails again comes back with its
 * {@code replayed-from} header; the next replay leaves it alone unless asked to include it (a poison record would
 * otherwise go round for ever).
 */
@ApplicationScoped
public class DeadLetterReplay {

    static final String REPLAYED_FROM_HEADER = "replayed-from";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final KafkaClientSettings settings;
    private final EventTopics topics;
    private final String group;

    DeadLetterReplay(KafkaClientSettings settings, EventTopics topics,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.settings = settings;
        this.topics = topics;
        this.group = application + "-dead-letter-replay";
    }

    /** What one replay did: records sent back, and records left alone because a replay had failed them before. */
    public record Replayed(String deadLetterTopic, int replayed, int skipped) {
    }

    /**
     * Replays the records added to the dead-letter topic since the last replay.
     *
     * @param includeReplayed also send back records that already failed after a replay: reads the whole topic again
     *                        (records that were applied meanwhile are recognised and dropped by the consumers)
     */
    public synchronized Replayed replay(String deadLetterTopic, boolean includeReplayed) {
        if (deadLetterTopic == null || !deadLetterTopic.endsWith(".dlt") || !topics.declared().contains(deadLetterTopic)) {
            throw ProblemException.invalid("topic", "not a dead-letter topic of this service; one of "
                    + topics.declared().stream().filter(t -> t.endsWith(".dlt")).sorted().toList());
        }
        try (KafkaConsumer<String, String> consumer = consumer(); KafkaProducer<String, String> producer = producer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, WAIT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            if (includeReplayed) {
                consumer.seekToBeginning(partitions); // what earlier replays passed over, too
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            int skipped = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p, WAIT) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    if (!includeReplayed && record.headers().lastHeader(REPLAYED_FROM_HEADER) != null) {
                        skipped++;
                    } else {
                        sends.add(producer.send(backToOrigin(record)));
                    }
                }
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(done, WAIT);
            Log.infof("Replayed %d records from %s (%d failed after an earlier replay, left alone)", sends.size(),
                    deadLetterTopic, skipped);
            return new Replayed(deadLetterTopic, sends.size(), skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Replay of " + deadLetterTopic + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Replay of " + deadLetterTopic + " failed, nothing committed (run it again): "
                    + e.getMessage(), e);
        }
    }

    private static ProducerRecord<String, String> backToOrigin(ConsumerRecord<String, String> dead) {
        Header origin = dead.headers().lastHeader("dead-letter-topic");
        if (origin == null) {
            throw new IllegalStateException("record " + dead.partition() + "@" + dead.offset() + " of " + dead.topic()
                    + " has no dead-letter-topic header");
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(new String(origin.value(), StandardCharsets.UTF_8),
                dead.key(), dead.value());
        for (Header header : dead.headers()) {
            if (!header.key().startsWith("dead-letter-") && !header.key().equals(REPLAYED_FROM_HEADER)) {
                record.headers().add(header);
            }
        }
        record.headers().add(REPLAYED_FROM_HEADER, "%s/%d/%d".formatted(dead.topic(), dead.partition(), dead.offset())
                .getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(settings.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, group)), new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(settings.producer(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, group)), new StringSerializer(), new StringSerializer());
    }
}
