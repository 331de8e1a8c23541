package fr.inclusion93.system;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What one consumer made of the structure events: its projection table and its processed_event records. */
record ConsumerProjection(String service, Database database, String table) {

    static List<ConsumerProjection> all(FaultSettings settings) {
        return List.of(
                new ConsumerProjection("conseiller-service",
                        new Database(settings.consumerDatabaseUrl("conseiller"), "conseiller"), "host_structure"),
                new ConsumerProjection("funding-service",
                        new Database(settings.consumerDatabaseUrl("funding"), "funding"), "beneficiary"));
    }

    /** Accepted structures this consumer does not know. */
    Set<UUID> missing(Set<UUID> accepted) {
        Set<UUID> missing = new HashSet<>(accepted);
        database.column("select id from " + table).forEach(id -> missing.remove(UUID.fromString(id)));
        return missing;
    }

    /**
     * Accepted structures whose registration this consumer applied more than once: several StructureRegistered events of
     * one aggregate recorded in processed_event, or several projection rows for one id.
     *
     * @param aggregateOfEvent the producer's outbox, event id to aggregate id
     */
    long appliedTwice(Set<UUID> accepted, Map<String, String> aggregateOfEvent) {
        Map<String, Long> applicationsPerAggregate = database
                .column("select event_id from processed_event where event_type = 'StructureRegistered'").stream()
                .map(aggregateOfEvent::get)
                .filter(aggregate -> aggregate != null && accepted.contains(UUID.fromString(aggregate)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long viaProcessedEvents = applicationsPerAggregate.values().stream().filter(count -> count > 1).count();
        long extraRows = Long.parseLong(database.column("select count(*) - count(distinct id) from " + table).get(0));
        return viaProcessedEvents + extraRows;
    }
}
