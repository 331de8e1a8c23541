package fr.inclusion93.structure.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A host structure (structure d'accueil): a mairie, a library, a France Services, an association... */
@Entity
public class Structure extends PanacheEntityBase {

    public enum Status { ACTIVE, CLOSED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String siret;

    @Column(name = "commune_insee", nullable = false)
    public String communeInsee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static boolean activeExistsWithSiret(String siret) {
        return count("siret = ?1 and status = ?2", siret, Status.ACTIVE) > 0;
    }
}
