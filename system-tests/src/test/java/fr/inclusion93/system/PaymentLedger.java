package fr.inclusion93.system;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What funding-service holds of the payments the clients were told were recorded: each one once in the ledger, the
 * line's paid total their sum, and each one's PaymentRecorded event written to the outbox and published to the topic.
 */
record PaymentLedger(Database funding, String bootstrapServers) {

    static final String TOPIC = "funding.events";

    record Verdict(long accepted, long missing, long twice, long unanswered, long paidDifference, long eventsNotPublished) {

        long lost() {
            return missing + eventsNotPublished + (paidDifference != 0 ? 1 : 0);
        }

        long appliedTwice() {
            return twice;
        }

        String line() {
            return ("payments: %d accepted, %d missing, %d recorded twice, %d recorded without an answer to the client, "
                    + "line's paid total off its ledger by %d cents, %d events not published").formatted(accepted, missing, twice,
                    unanswered, paidDifference, eventsNotPublished);
        }
    }

    Verdict check(String lineId, Map<String, Long> accepted) {
        Map<String, Long> recorded = funding.pairs("select reference, count(*) from payment where line_id = '" + lineId
                + "' group by reference").stream().collect(Collectors.toMap(row -> row[0], row -> Long.parseLong(row[1])));
        long missing = accepted.keySet().stream().filter(reference -> !recorded.containsKey(reference)).count();
        long twice = recorded.values().stream().filter(count -> count > 1).count();
        long unanswered = recorded.keySet().stream().filter(reference -> !accepted.containsKey(reference)).count();
        long ledgerTotal = Long.parseLong(funding.column("select coalesce(sum(amount_cents), 0) from payment where line_id = '"
                + lineId + "'").get(0));
        long paid = Long.parseLong(funding.column("select paid_cents from funding_line where id = '" + lineId + "'").get(0));
        List<String> outboxEvents = funding.column("select event_id from outbox_event where event_type = 'PaymentRecorded' "
                + "and aggregate_id = '" + lineId + "'");
        long payments = recorded.values().stream().mapToLong(Long::longValue).sum();
        Set<String> published = publishedEventIds("PaymentRecorded");
        long notPublished = outboxEvents.stream().filter(id -> !published.contains(id)).count()
                + Math.max(0, payments - outboxEvents.size());
        return new Verdict(accepted.size(), missing, twice, unanswered, paid - ledgerTotal, notPublished);
    }

    /** The event-id header of every record of this type in the topic, read from the beginning to its end. */
    private Set<String> publishedEventIds(String eventType) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<String> ids = new HashSet<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (eventType.equals(header(record, "event-type"))) {
                        ids.add(header(record, "event-id"));
                    }
                }
            }
            return ids;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
