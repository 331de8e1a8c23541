package fr.inclusion93.structure.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A registered host structure; its ETag is its version")
public record StructureResponse(
        @Schema(examples = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10") UUID id,
        @Schema(examples = "Médiathèque John Lennon") String name,
        @Schema(nullable = true, examples = "21930027400012") String siret,
        @Schema(nullable = true, examples = "W931234567") String rna,
        @Schema(nullable = true, description = "The structure this one is a branch of") UUID parentId,
        @Schema(nullable = true, examples = "PUBLIC_COLLECTIVITY", description = "Absent when an import could not tell",
                enumeration = {"PUBLIC_COLLECTIVITY", "ASSOCIATION", "ESS_ENTERPRISE", "OTHER_PRIVATE"}) String legalKind,
        @Schema(examples = "BIB") String type,
        @Schema(examples = "9 avenue du Général Leclerc") String address,
        @Schema(nullable = true) String addressComplement,
        @Schema(examples = "93120") String postalCode,
        @Schema(examples = "93027") String communeInsee,
        @Schema(examples = "La Courneuve") String communeName,
        @Schema(description = "EPT of the commune", examples = "Plaine Commune") String ept,
        @Schema(description = "SIREN of the EPT", examples = "200057867") String eptSiren,
        @Schema(examples = "true") boolean qpv,
        @Schema(nullable = true, examples = "QP093005") String qpvCode,
        @Schema(nullable = true, examples = "48.92741") Double latitude,
        @Schema(nullable = true, examples = "2.38645") Double longitude,
        @Schema(nullable = true, examples = "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off") String openingHours,
        List<String> services,
        @Schema(nullable = true, examples = "+33148366400") String phone,
        @Schema(nullable = true, examples = "mediatheque@lacourneuve.fr") String email,
        @Schema(nullable = true, examples = "https://www.lacourneuve.fr") String website,
        @Schema(examples = "ACTIVE", enumeration = {"ACTIVE", "CLOSED"}) String status,
        @Schema(nullable = true, description = "Day it closed, when closed") LocalDate closedOn,
        @Schema(nullable = true, description = "Why it closed, when closed") String closeReason,
        @Schema(description = "One more at each change; the ETag", examples = "1") long version,
        Instant registeredAt,
        Instant updatedAt) {
}
