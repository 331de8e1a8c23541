package fr.inclusion93.funding.service;

import fr.inclusion93.events.EventEnvelope;
import fr.inclusion93.funding.event.StructureChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Applies structure events to {@link Beneficiary}; runs inside the consumer's transaction. Every event carries the
 * whole structure after its change, so each one (registered, updated, closed, reopened) replaces the row.
 */
@ApplicationScoped
public class BeneficiaryProjection {

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(EventEnvelope event, StructureChanged changed) {
        Beneficiary beneficiary = Beneficiary.<Beneficiary>findByIdOptional(changed.structureId())
                .orElseGet(Beneficiary::new);
        beneficiary.id = changed.structureId();
        beneficiary.name = changed.name();
        beneficiary.siret = changed.siret();
        beneficiary.rna = changed.rna();
        beneficiary.parentId = changed.parentId();
        beneficiary.legalKind = changed.legalKind();
        beneficiary.type = changed.type();
        beneficiary.communeInsee = changed.communeInsee();
        beneficiary.postalCode = changed.postalCode();
        beneficiary.eptSiren = changed.eptSiren();
        beneficiary.eptName = changed.eptName();
        beneficiary.qpv = changed.qpv();
        beneficiary.qpvCode = changed.qpvCode();
        beneficiary.status = Beneficiary.Status.valueOf(changed.status());
        beneficiary.closedOn = changed.closedOn();
        beneficiary.closeReason = changed.closeReason();
        beneficiary.lastEventId = event.eventId();
        beneficiary.eventOccurredAt = event.occurredAt();
        beneficiary.projectedAt = Instant.now();
        beneficiary.persist();
    }
}
