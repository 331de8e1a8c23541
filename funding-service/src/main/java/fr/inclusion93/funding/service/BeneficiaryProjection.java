package fr.inclusion93.funding.service;

import fr.inclusion93.funding.event.StructureRegisteredV1;
import fr.inclusion93.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Applies beneficiary events to {@link Beneficiary}; runs inside the consumer's transaction. */
@ApplicationScoped
public class BeneficiaryProjection {

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(EventEnvelope event, StructureRegisteredV1 registered) {
        Beneficiary beneficiary = Beneficiary.<Beneficiary>findByIdOptional(registered.structureId())
                .orElseGet(Beneficiary::new);
        beneficiary.id = registered.structureId();
        beneficiary.name = registered.name();
        beneficiary.siret = registered.siret();
        beneficiary.communeInsee = registered.communeInsee();
        beneficiary.lastEventId = event.eventId();
        beneficiary.eventOccurredAt = event.occurredAt();
        beneficiary.projectedAt = Instant.now();
        beneficiary.persist();
    }
}
