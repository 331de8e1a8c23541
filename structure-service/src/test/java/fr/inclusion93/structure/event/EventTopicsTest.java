package fr.inclusion93.structure.event;

import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.events.EventTopics;
import fr.inclusion93.events.KafkaClientSettings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Topics come from the service's configuration, not from the broker's auto-creation; so do the clients' settings. */
@QuarkusTest
class EventTopicsTest {

    private static final String DECLARED = "structure-service-test.created-at-startup";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EventTopics topics;

    @Inject
    KafkaClientSettings settings;

    @Test
    void declaredTopicsAreCreatedWithTheConfiguredPartitionsAndRetention() throws Exception {
        assertThat(topics.awaitCreated(Duration.ofSeconds(30))).isTrue();

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            TopicDescription description = admin.describeTopics(List.of(DECLARED)).allTopicNames().get().get(DECLARED);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, DECLARED);
            String retention = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value();

            assertThat(description.partitions()).hasSize(3);
            assertThat(retention).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
        }
    }

    @Test
    void kafkaSettingsReachTheClientsThePlumbingBuildsOnlyWhereTheyApply() {
        Map<String, Object> producer = settings.producer(Map.of("acks", "all"));
        Map<String, Object> consumer = settings.consumer(Map.of());

        assertThat(producer).containsEntry("compression.type", "gzip").containsEntry("bootstrap.servers", bootstrapServers)
                .containsEntry("acks", "all");
        assertThat(consumer).containsEntry("bootstrap.servers", bootstrapServers).doesNotContainKey("compression.type");
    }
}
