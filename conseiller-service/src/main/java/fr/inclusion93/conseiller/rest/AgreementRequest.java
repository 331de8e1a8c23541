package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.Agreement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgreementRequest", description = "A territorial agreement for State-funded conseiller numérique posts")
public record AgreementRequest(
        @Schema(description = "Stable key (lower-case words and dashes); another agreement with it is a 409", example = "convention-93-2021")
        @Size(max = 100) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "lower-case letters, digits and single dashes") String key,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Schema(description = "The day it was signed", example = "2021-01-15") LocalDate signedOn,
        @NotNull @Pattern(regexp = "^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$", message = "a département code (93, 2A, 974…)")
        @Schema(description = "Its département: a post's host structure must be in it", example = "93") String departementCode,
        @NotNull @Min(1) @Max(10_000) @Schema(description = "State-funded posts it opens", example = "80") Integer totalPosts,
        @NotNull @Min(1) @Max(120) @Schema(description = "Months the State funds per post", example = "24") Integer stateFundedMonths,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid SignatoryBody> signatories,
        @NotNull @Size(max = 500) @Schema(description = "Posts per territory, set by the signatories; they never sum above the total. "
                + "A territory without one shares what the others leave") List<@NotNull @Valid QuotaBody> quotas) {

    @Schema(name = "Signatory")
    public record SignatoryBody(@NotBlank @Size(max = 200) @Schema(example = "Plaine Commune") String name,
            @NotNull @Schema(example = "EPT") Agreement.SignatoryKind kind,
            @Pattern(regexp = "^([0-9][0-9AB][0-9]{3}|[0-9]{9})$", message = "an INSEE commune code or an EPT's SIREN")
            @Schema(nullable = true, description = "The territory it signs for: an EPT's SIREN (kind EPT) or a commune's INSEE code (kind "
                    + "COMMUNE), required for those two; none for the State, the département or another signatory, "
                    + "which sign for the whole agreement", example = "200057867") String territoryCode) {
    }

    @Schema(name = "Quota", description = "At most `posts` open (not returned) posts in a commune (INSEE code) or an EPT (SIREN)")
    public record QuotaBody(@NotNull @Schema(example = "EPT") Agreement.QuotaLevel level,
            @NotNull @Pattern(regexp = "^([0-9][0-9AB][0-9]{3}|[0-9]{9})$", message = "an INSEE commune code or an EPT's SIREN")
            @Schema(example = "200057867") String code,
            @NotNull @Min(0) @Max(10_000) @Schema(example = "25") Integer posts) {
    }
}
