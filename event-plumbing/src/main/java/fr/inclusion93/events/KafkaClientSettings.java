package fr.inclusion93.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of the clients this module builds itself (outbox producer, admin, dead-letter replay), taken from the
 * same {@code kafka.*} configuration as the messaging channels: bootstrap servers, TLS, SASL, compression… reach all
 * of them. Each client gets only the keys it knows, so a consumer-only setting does not warn in the producer.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> common;

    @Inject
    KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> common) {
        this.common = Map.copyOf(common);
    }

    public Map<String, Object> producer(Map<String, Object> overrides) {
        return with(ProducerConfig.configNames(), overrides);
    }

    public Map<String, Object> consumer(Map<String, Object> overrides) {
        return with(ConsumerConfig.configNames(), overrides);
    }

    public Map<String, Object> admin(Map<String, Object> overrides) {
        return with(AdminClientConfig.configNames(), overrides);
    }

    private Map<String, Object> with(Set<String> known, Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>();
        common.forEach((key, value) -> {
            if (known.contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
        settings.putAll(overrides);
        return settings;
    }
}
