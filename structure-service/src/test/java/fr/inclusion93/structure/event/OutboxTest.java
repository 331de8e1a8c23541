package fr.inclusion93.structure.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.events.EventRetention;
import fr.inclusion93.events.EventSchemas;
import fr.inclusion93.events.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The producer's guards: an event must match its schema and ride on the caller's transaction. */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    EventRetention retention;

    @Inject
    ObjectMapper mapper;

    @Test
    void anEventBreakingItsSchemaIsRefusedAndNothingIsWritten() {
        UUID id = UUID.randomUUID();
        StructureRegistered broken = new StructureRegistered(id, "Name", "not-a-siret", "93027");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(StructureRegistered.TOPIC,
                StructureRegistered.AGGREGATE_TYPE, id.toString(), StructureRegistered.TYPE, StructureRegistered.VERSION, broken)))
                .hasMessageContaining("breaks its schema").hasMessageContaining("/siret");
        assertThat(outboxRows(id)).isZero();
    }

    @Test
    void anEventCannotBePublishedOutsideATransaction() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> outbox.publish(StructureRegistered.TOPIC, StructureRegistered.AGGREGATE_TYPE, id.toString(),
                StructureRegistered.TYPE, StructureRegistered.VERSION, new StructureRegistered(id, "Name", "21930027400012", "93027")))
                .isInstanceOf(TransactionalException.class);
        assertThat(outboxRows(id)).isZero();
    }

    @Test
    void aPropertyTheSchemaDoesNotDeclareIsRefusedAtTheProducer() {
        UUID id = UUID.randomUUID();
        record WithExtra(UUID structureId, String name, String siret, String communeInsee, String undeclared) {
        }

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(StructureRegistered.TOPIC,
                StructureRegistered.AGGREGATE_TYPE, id.toString(), StructureRegistered.TYPE, StructureRegistered.VERSION,
                new WithExtra(id, "Name", "21930027400012", "93027", "surprise"))))
                .hasMessageContaining("breaks its schema").hasMessageContaining("undeclared");
        assertThat(outboxRows(id)).isZero();
    }

    @Test
    void eachEventOfAnAggregateTakesTheNextVersionAlsoUnderConcurrentWrites() throws Exception {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<UUID>> writes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                writes.add(() -> QuarkusTransaction.requiringNew().call(() -> publish(id)));
            }
            for (Future<UUID> write : pool.invokeAll(writes)) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        QuarkusTransaction.requiringNew().run(() -> publish(other));

        assertThat(versions(id)).as("in outbox order, which the relay follows").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(versions(other)).containsExactly(1L);
    }

    @Test
    void anEventWrittenOutsideAnAuthenticatedRequestHasNoActor() throws Exception {
        UUID inTheTestsRequestContext = UUID.randomUUID();
        UUID inAThreadWithoutOne = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> publish(inTheTestsRequestContext));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            thread.submit(() -> QuarkusTransaction.requiringNew().run(() -> publish(inAThreadWithoutOne))).get();
        } finally {
            thread.shutdownNow();
        }

        for (UUID id : List.of(inTheTestsRequestContext, inAThreadWithoutOne)) {
            JsonNode envelope = mapper.readTree(QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                    .createNativeQuery("select envelope from outbox_event where aggregate_id = ?1")
                    .setParameter(1, id.toString()).getSingleResult()));
            assertThat(envelope.has("actor")).as("envelope %s", envelope).isFalse();
            assertThat(EventSchemas.violations(envelope.toString())).isEmpty();
        }
    }

    @Test
    void aBreakingChangeIsPublishedSideBySideAsOneChangeOfTheAggregate() {
        UUID id = UUID.randomUUID();

        List<UUID> copies = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = outbox.publishSideBySide("schema-change-probe.events", "probe", id.toString(), "SchemaChangeProbe",
                    Map.of(2, Map.of("firstName", "Ada", "lastName", "Lovelace"), 1, Map.of("fullName", "Ada Lovelace")));
            entityManager.createNativeQuery("update outbox_event set sent_at = now() where aggregate_id = ?1") // no such topic
                    .setParameter(1, id.toString()).executeUpdate();
            return ids;
        });

        assertThat(copies).hasSize(2);
        assertThat(versions(id)).containsExactly(1L, 1L);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publishSideBySide("schema-change-probe.events",
                "probe", id.toString(), "SchemaChangeProbe", Map.of(2, Map.of("fullName", "Ada Lovelace")))))
                .as("each copy is checked against its own version's schema").hasMessageContaining("breaks its schema");
    }

    @Test
    void sentEventsAreDeletedAfterTheRetentionUnsentOnesNever() {
        UUID oldSent = UUID.randomUUID();
        UUID recentSent = UUID.randomUUID();
        UUID oldUnsent = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            publish(oldSent);
            publish(recentSent);
            publish(oldUnsent);
            entityManager.createNativeQuery("""
                    update outbox_event set sent_at = now() - interval '7 days 1 hour', occurred_at = now() - interval '8 days'
                    where aggregate_id = ?1""").setParameter(1, oldSent.toString()).executeUpdate();
            entityManager.createNativeQuery("""
                    update outbox_event set sent_at = now() - interval '6 days 23 hours' where aggregate_id = ?1""")
                    .setParameter(1, recentSent.toString()).executeUpdate();
            entityManager.createNativeQuery("""
                    update outbox_event set topic = 'retention-test.never-created', occurred_at = now() - interval '8 days'
                    where aggregate_id = ?1""").setParameter(1, oldUnsent.toString()).executeUpdate();
        });

        retention.purgeOutbox();

        assertThat(outboxRows(oldSent)).isZero();
        assertThat(outboxRows(recentSent)).isOne();
        assertThat(outboxRows(oldUnsent)).isOne();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from outbox_event where aggregate_id = ?1")
                .setParameter(1, oldUnsent.toString()).executeUpdate());
    }

    private UUID publish(UUID id) {
        return outbox.publish(StructureRegistered.TOPIC, StructureRegistered.AGGREGATE_TYPE, id.toString(),
                StructureRegistered.TYPE, StructureRegistered.VERSION, new StructureRegistered(id, "Name", "21930027400012", "93027"));
    }

    @SuppressWarnings("unchecked")
    private List<Long> versions(UUID aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) entityManager
                .createNativeQuery("select aggregate_version from outbox_event where aggregate_id = ?1 order by id")
                .setParameter(1, aggregateId.toString()).getResultList()).stream().map(Number::longValue).toList());
    }

    private long outboxRows(UUID aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event where aggregate_id = ?1")
                .setParameter(1, aggregateId.toString()).getSingleResult()).longValue());
    }
}
