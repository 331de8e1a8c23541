package fr.inclusion93.funding.service;

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

/** A structure that can receive funding lines, as structure-service last described it. */
@Entity
@Table(name = "beneficiary")
public class Beneficiary extends PanacheEntityBase {

    public enum Status { ACTIVE, CLOSED }

    /** A host structure is projected from structure.events; an outside organisation is created through this API. */
    public enum Kind { HOST_STRUCTURE, OUTSIDE_ORGANISATION }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind = Kind.HOST_STRUCTURE;

    /** An outside organisation's stable key (kebab-case), for loaders. */
    public String key;

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

    /** Always known for a host structure; optional for an outside organisation. */
    @Column(name = "commune_insee")
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

    /** The projection's own: null for an outside organisation. */
    @Column(name = "last_event_id")
    public UUID lastEventId;

    @Column(name = "event_occurred_at")
    public Instant eventOccurredAt;

    @Column(name = "projected_at")
    public Instant projectedAt;

    /** When an outside organisation was created here; null for a host structure. */
    @Column(name = "created_at")
    public Instant createdAt;
}
