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

/** A State-funded conseiller numérique post in a host structure, under an agreement. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    /** Where the post's State subsidy stands: asked of funding-service when the post opened. */
    public enum Funding { PENDING, RESERVED, REFUSED, RELEASED }

    @Id
    public UUID id;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(name = "structure_id", nullable = false)
    public UUID structureId;

    @Column(name = "commune_insee", nullable = false)
    public String communeInsee;

    @Column(name = "ept_siren")
    public String eptSiren;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Funding funding;

    @Column(name = "funding_line_id")
    public UUID fundingLineId;

    @Column(name = "funding_detail")
    public String fundingDetail;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(name = "returned_on")
    public LocalDate returnedOn;

    public String flag;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
