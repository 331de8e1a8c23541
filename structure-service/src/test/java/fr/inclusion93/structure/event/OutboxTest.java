package fr.inclusion93.structure.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.inclusion93.events.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The producer's guards: an event must match its schema and ride on the caller's transaction. */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

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

    private long outboxRows(UUID aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event where aggregate_id = ?1")
                .setParameter(1, aggregateId.toString()).getSingleResult()).longValue());
    }
}
