package fr.inclusion93.structure.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A host structure (structure d'accueil): a mairie, a library, a France Services, an association... */
@Entity
public class Structure extends PanacheEntityBase {

    public enum Status { ACTIVE, CLOSED }

    public enum LegalKind { PUBLIC_COLLECTIVITY, ASSOCIATION, ESS_ENTERPRISE, OTHER_PRIVATE }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String siret;

    public String rna;

    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_kind")
    public LegalKind legalKind;

    public String type;

    public String address;

    @Column(name = "address_complement")
    public String addressComplement;

    @Column(name = "postal_code")
    public String postalCode;

    @Column(name = "commune_insee", nullable = false)
    public String communeInsee;

    @Column(name = "ept_siren")
    public String eptSiren;

    public boolean qpv;

    @Column(name = "qpv_code")
    public String qpvCode;

    public Double latitude;

    public Double longitude;

    @Column(name = "opening_hours")
    public String openingHours;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> services = List.of();

    public String phone;

    public String email;

    public String website;

    /** What the national standard of lieux de médiation numérique says beyond the columns above, by its column name. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> mediation = new TreeMap<>();

    /** Hosts an occupied conseiller numérique post. */
    @Column(name = "hosts_conseiller", nullable = false)
    public boolean hostsConseiller;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "close_reason")
    public String closeReason;

    /** Bumped by every change: the ETag of the structure. */
    @Column(nullable = false)
    public long version;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** The structure with this SIRET, else this RNA: the active one if there is one, else the one closed last. */
    public static Optional<Structure> identifiedBy(String siret, String rna) {
        String identifier = siret != null ? "siret" : "rna";
        return find("from Structure where " + identifier + " = ?1 order by case when status = ?2 then 0 else 1 end, "
                + "updatedAt desc", siret != null ? siret : rna, Status.ACTIVE).firstResultOptional();
    }

    static Optional<Structure> activeWithSiret(String siret) {
        return siret == null ? Optional.empty() : find("siret = ?1 and status = ?2", siret, Status.ACTIVE).firstResultOptional();
    }

    static Optional<Structure> activeWithRna(String rna) {
        return rna == null ? Optional.empty() : find("rna = ?1 and status = ?2", rna, Status.ACTIVE).firstResultOptional();
    }

    static Optional<Structure> activeBranch(UUID parentId, String name) {
        return parentId == null ? Optional.empty()
                : find("parentId = ?1 and lower(name) = lower(?2) and status = ?3", parentId, name, Status.ACTIVE)
                        .firstResultOptional();
    }
}
