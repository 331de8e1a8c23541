package fr.inclusion93.structure.rest;

import fr.inclusion93.structure.service.Structure;
import fr.inclusion93.writes.identifiers.ValidSiret;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A host structure as a client writes it: to register one, or to replace one (PUT). Identified by its SIRET, or
 * its RNA for an association without one, or by its parent for a branch with neither.
 */
@Schema(description = "A host structure to register or to replace")
public record StructureRequest(
        @Schema(description = "Name of the structure", examples = "Médiathèque John Lennon", maxLength = 200)
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE)
        String name,
        @Schema(description = "SIRET of the establishment (14 digits, Luhn checksum; La Poste: digit sum divisible by 5)",
                examples = "21930027400012")
        @ValidSiret
        String siret,
        @Schema(description = "RNA number of an association (W and 9 digits), when it has no SIRET or as well as it",
                examples = "W931234567")
        @Pattern(regexp = "W\\d{9}", message = "must be W followed by 9 digits")
        String rna,
        @Schema(description = "The structure this one is a branch of; a branch may have no SIRET or RNA of its own")
        UUID parentId,
        @Schema(description = "Legal kind", examples = "PUBLIC_COLLECTIVITY")
        @NotNull
        Structure.LegalKind legalKind,
        @Schema(description = "Type of structure: a code of GET /api/structures/types", examples = "BIB")
        @NotBlank @Size(max = 40)
        String type,
        @Schema(description = "Street address", examples = "9 avenue du Général Leclerc", maxLength = 300)
        @NotBlank @Size(max = 300) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE)
        String address,
        @Schema(description = "Complement of address (building, floor)", examples = "Rez-de-chaussée", maxLength = 300)
        @Size(max = 300) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE)
        String addressComplement,
        @Schema(description = "Postal code; must serve the commune", examples = "93120")
        @NotNull @Pattern(regexp = "\\d{5}", message = "must be 5 digits")
        String postalCode,
        @Schema(description = "INSEE (COG) code of its commune", examples = "93027")
        @NotNull @KnownCommune
        String communeInsee,
        @Schema(description = "Whether it stands in a quartier prioritaire de la politique de la ville (false when absent)",
                examples = "true")
        Boolean qpv,
        @Schema(description = "Code of its QPV (QP… 2015 list, QN… 2024 list), in its département; implies qpv",
                examples = "QP093005")
        @Pattern(regexp = "Q[PN]\\d{6}", message = "must be QP or QN followed by 6 digits (e.g. QP093005)")
        String qpvCode,
        @Schema(description = "Latitude (WGS 84), with longitude", examples = "48.92741")
        @DecimalMin("-90") @DecimalMax("90")
        Double latitude,
        @Schema(description = "Longitude (WGS 84), with latitude", examples = "2.38645")
        @DecimalMin("-180") @DecimalMax("180")
        Double longitude,
        @Schema(description = "Opening hours in OpenStreetMap opening_hours syntax",
                examples = "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off", maxLength = 500)
        @Size(max = 500) @ValidOpeningHours
        String openingHours,
        @Schema(description = "Services of médiation numérique offered, as the national standard names them",
                examples = "[\"Aide aux démarches administratives\", \"Accès internet et matériel informatique\"]")
        @Size(max = 9)
        List<@NotNull @MediationService String> services,
        @Schema(description = "Public phone number; French numbers are stored as +33…", examples = "+33148366400")
        @Size(max = 20) @Pattern(regexp = "[+0-9 .()-]*", message = "must be a phone number (digits, spaces, + . - ( ))")
        String phone,
        @Schema(description = "Public contact e-mail", examples = "mediatheque@lacourneuve.fr")
        @Size(max = 254) @Email
        String email,
        @Schema(description = "Public web site (http or https)", examples = "https://www.lacourneuve.fr")
        @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL")
        String website) {

    static final String NO_CONTROL = "[^\\x00-\\x1F\\x7F]*";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters";
}
