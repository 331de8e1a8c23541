package fr.inclusion93.events;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The Kafka producer behind the outbox: the {@code kafka.*} settings (TLS, SASL, compression…), then what the outbox
 * needs whatever they say: acks from all in-sync replicas, idempotence, bounded waits so the relay can retry.
 * Built at startup, not by the first event, which would otherwise wait for it.
 */
@Startup
@ApplicationScoped
class OutboxProducer {

    private final KafkaProducer<String, String> producer;

    OutboxProducer(KafkaClientSettings settings, OutboxConfig config) {
        int timeoutMs = Math.toIntExact(config.sendTimeout().toMillis());
        Map<String, Object> required = Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        this.producer = new KafkaProducer<>(settings.producer(required), new StringSerializer(), new StringSerializer());
    }

    Future<RecordMetadata> send(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.aggregateId, event.envelope);
        record.headers()
                .add(EventEnvelope.EVENT_ID_HEADER, event.eventId.toString().getBytes(UTF_8))
                .add(EventEnvelope.EVENT_TYPE_HEADER, event.eventType.getBytes(UTF_8))
                .add(EventEnvelope.SCHEMA_VERSION_HEADER, Integer.toString(event.schemaVersion).getBytes(UTF_8));
        if (event.traceparent != null) {
            record.headers().add(EventEnvelope.TRACEPARENT_HEADER, event.traceparent.getBytes(UTF_8));
        }
        return producer.send(record);
    }

    @PreDestroy
    void close() {
        Log.debug("Closing the outbox producer");
        producer.close(Duration.ofSeconds(5));
    }
}
