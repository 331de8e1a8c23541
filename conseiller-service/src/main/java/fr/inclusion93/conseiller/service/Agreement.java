package fr.inclusion93.conseiller.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A territorial agreement: who signed it, how many State-funded posts it opens and how they are shared out. */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    public enum SignatoryKind { STATE, DEPARTEMENT, EPT, COMMUNE, OTHER }

    public enum QuotaLevel { COMMUNE, EPT }

    @Embeddable
    public static class Signatory {
        @Column(nullable = false)
        public String name;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public SignatoryKind kind;

        /** An EPT's SIREN or a commune's INSEE code; null for a signatory of the whole agreement. */
        @Column(name = "territory_code")
        public String territoryCode;

        /** Whether a post in this commune and EPT is in the signatory's territory (the whole agreement's, if none). */
        public boolean holds(String communeInsee, String eptSiren) {
            return switch (kind) {
                case EPT -> territoryCode != null && territoryCode.equals(eptSiren);
                case COMMUNE -> territoryCode != null && territoryCode.equals(communeInsee);
                default -> true;
            };
        }
    }

    /** At most {@code posts} open posts in the territory. */
    @Embeddable
    public static class Quota {
        @Enumerated(EnumType.STRING)
        @Column(name = "territory_level", nullable = false)
        public QuotaLevel level;

        @Column(name = "territory_code", nullable = false)
        public String code;

        @Column(nullable = false)
        public int posts;
    }

    @Id
    public UUID id;

    public String key;

    @Column(nullable = false)
    public String name;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    @Column(name = "departement_code", nullable = false)
    public String departementCode;

    @Column(name = "total_posts", nullable = false)
    public int totalPosts;

    @Column(name = "state_funded_months", nullable = false)
    public int stateFundedMonths;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_signatory", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    public List<Signatory> signatories = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_quota", joinColumns = @JoinColumn(name = "agreement_id"))
    public List<Quota> quotas = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
