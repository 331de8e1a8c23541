package fr.inclusion93.conseiller.service;

import fr.inclusion93.conseiller.event.StructureChanged;
import fr.inclusion93.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Applies structure events to {@link HostStructure}; runs inside the consumer's transaction. Every event carries the
 * whole structure after its change, so each one (registered, updated, closed, reopened) replaces the row; the open
 * posts of a structure that closed are flagged for action (and unflagged if it reopens).
 */
@ApplicationScoped
public class HostStructureProjection {

    private final PostService posts;

    HostStructureProjection(PostService posts) {
        this.posts = posts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(EventEnvelope event, StructureChanged changed) {
        HostStructure structure = HostStructure.<HostStructure>findByIdOptional(changed.structureId())
                .orElseGet(HostStructure::new);
        structure.id = changed.structureId();
        structure.name = changed.name();
        structure.siret = changed.siret();
        structure.rna = changed.rna();
        structure.parentId = changed.parentId();
        structure.legalKind = changed.legalKind();
        structure.type = changed.type();
        structure.communeInsee = changed.communeInsee();
        structure.postalCode = changed.postalCode();
        structure.eptSiren = changed.eptSiren();
        structure.eptName = changed.eptName();
        structure.qpv = changed.qpv();
        structure.qpvCode = changed.qpvCode();
        structure.status = HostStructure.Status.valueOf(changed.status());
        structure.closedOn = changed.closedOn();
        structure.closeReason = changed.closeReason();
        structure.lastEventId = event.eventId();
        structure.eventOccurredAt = event.occurredAt();
        structure.projectedAt = Instant.now();
        structure.persist();
        posts.structureStatus(structure);
    }
}
