package fr.inclusion93.funding.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A structure that can receive funding lines, as funding-service knows it from structure.events: "
        + "the structure after its latest event. Null properties are unknown or not applicable.")
public record BeneficiaryResponse(
        @Schema(examples = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10") UUID id,
        @Schema(description = "HOST_STRUCTURE (from structure-service's events) or OUTSIDE_ORGANISATION (created here)",
                examples = "HOST_STRUCTURE", enumeration = {"HOST_STRUCTURE", "OUTSIDE_ORGANISATION"}) String kind,
        @Schema(nullable = true, description = "An outside organisation's stable key", examples = "emmaus-connect") String key,
        @Schema(examples = "Médiathèque John Lennon") String name,
        @Schema(nullable = true, description = "Null for an association known by its RNA only, or a branch", examples = "21930027400012") String siret,
        @Schema(nullable = true, description = "Registration number of an association", examples = "W931234567") String rna,
        @Schema(nullable = true, description = "The structure this one is a branch of") UUID parentId,
        @Schema(nullable = true, description = "PUBLIC_COLLECTIVITY, ASSOCIATION, ESS_ENTERPRISE, OTHER_PRIVATE; more may come",
                examples = "PUBLIC_COLLECTIVITY") String legalKind,
        @Schema(nullable = true, description = "A structure type code of structure-service", examples = "BIB") String type,
        @Schema(nullable = true, description = "Always set for a host structure", examples = "93027") String communeInsee,
        @Schema(nullable = true, examples = "93120") String postalCode,
        @Schema(nullable = true, description = "SIREN of the commune's EPT (établissement public territorial): what a partner's territory is",
                examples = "200057867") String eptSiren,
        @Schema(nullable = true, description = "Name of the commune's EPT", examples = "Plaine Commune") String eptName,
        @Schema(description = "In a quartier prioritaire de la politique de la ville", examples = "true") boolean qpv,
        @Schema(nullable = true, examples = "QP093005") String qpvCode,
        @Schema(examples = "ACTIVE", enumeration = {"ACTIVE", "CLOSED"}) String status,
        @Schema(nullable = true, description = "Day it closed, when closed", examples = "2021-06-30") LocalDate closedOn,
        @Schema(nullable = true, description = "Why it closed, when closed", examples = "Fusion avec la médiathèque Aimé Césaire") String closeReason,
        @Schema(nullable = true, description = "When funding-service applied the latest event about the structure (host structures)")
        Instant projectedAt,
        @Schema(nullable = true, description = "When the outside organisation was created here") Instant createdAt) {
}
