package fr.inclusion93.conseiller.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A structure that can host conseiller posts, as structure-service last described it. */
@Entity
@Table(name = "host_structure")
public class HostStructure extends PanacheEntityBase {

    public enum Status { ACTIVE, CLOSED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** Null for an association known by its RNA only, or a branch. */
    public String siret;

    public String rna;

    /** The structure this one is a branch of (it may not be projected yet: no foreign key). */
    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "legal_kind")
    public String legalKind;

    public String type;

    @Column(name = "commune_insee", nullable = false)
    public String communeInsee;

    @Column(name = "postal_code")
    public String postalCode;

    /** The commune's EPT: what a partner's territory is checked against. */
    @Column(name = "ept_siren")
    public String eptSiren;

    @Column(name = "ept_name")
    public String eptName;

    public boolean qpv;

    @Column(name = "qpv_code")
    public String qpvCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "last_event_id", nullable = false)
    public UUID lastEventId;

    @Column(name = "event_occurred_at", nullable = false)
    public Instant eventOccurredAt;

    @Column(name = "projected_at", nullable = false)
    public Instant projectedAt;
}
