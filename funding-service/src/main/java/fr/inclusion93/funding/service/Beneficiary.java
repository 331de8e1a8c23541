package fr.inclusion93.funding.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A structure that can receive funding lines, as announced by structure-service. */
@Entity
@Table(name = "beneficiary")
public class Beneficiary extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String siret;

    @Column(name = "commune_insee", nullable = false)
    public String communeInsee;

    @Column(name = "last_event_id", nullable = false)
    public UUID lastEventId;

    @Column(name = "event_occurred_at", nullable = false)
    public Instant eventOccurredAt;

    @Column(name = "projected_at", nullable = false)
    public Instant projectedAt;
}
