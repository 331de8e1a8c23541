package fr.inclusion93.conseiller.service;

import fr.inclusion93.conseiller.event.StructureRegisteredV1;
import fr.inclusion93.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Applies structure events to {@link HostStructure}; runs inside the consumer's transaction. */
@ApplicationScoped
public class HostStructureProjection {

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(EventEnvelope event, StructureRegisteredV1 registered) {
        HostStructure structure = HostStructure.<HostStructure>findByIdOptional(registered.structureId())
                .orElseGet(HostStructure::new);
        structure.id = registered.structureId();
        structure.name = registered.name();
        structure.siret = registered.siret();
        structure.communeInsee = registered.communeInsee();
        structure.active = true;
        structure.lastEventId = event.eventId();
        structure.eventOccurredAt = event.occurredAt();
        structure.projectedAt = Instant.now();
        structure.persist();
    }
}
