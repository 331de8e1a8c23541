package fr.inclusion93.funding.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A funding line (subvention), created DRAFT or COMMITTED. A sub-line names its parent (its "
        + "envelope is the parent's)")
public record LineRequest(
        @Schema(description = Keys.DESCRIPTION, examples = "dsil-la-courneuve-ecoles")
        @Size(max = 100) @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) String key,
        @Schema(nullable = true, description = "Required for a top-level line; a sub-line's is its parent's (send none or the same)",
                examples = "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f") UUID envelopeId,
        @Schema(nullable = true, description = "The line whose \"dont\" lists this one") UUID parentId,
        @Schema(nullable = true, description = "A known beneficiary (host structure or outside organisation)",
                examples = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10") UUID beneficiaryId,
        @Schema(nullable = true, description = "Who receives it when no beneficiary is named; both may be null when the "
                + "source does not say (a parent whose sub-lines have several beneficiaries, an unnamed group)",
                examples = "entreprises d'insertion")
        @Size(max = 500) String beneficiaryDescription,
        @Schema(examples = "Équipement de 3 500 élèves d'écoles primaires") @NotBlank @Size(max = 256) String object,
        @Schema(nullable = true, description = "Euro cents; optional while DRAFT, required to commit", examples = "40000000")
        @Positive Long amountCents,
        @Schema(nullable = true, examples = "NUMERAIRE", enumeration = {"NUMERAIRE", "EN_NATURE", "NUMERAIRE_ET_EN_NATURE"})
        @Pattern(regexp = "^(NUMERAIRE|EN_NATURE|NUMERAIRE_ET_EN_NATURE)$",
                message = "must be NUMERAIRE, EN_NATURE or NUMERAIRE_ET_EN_NATURE") String nature,
        @Schema(nullable = true, examples = "2020-11-11") LocalDate decisionDate,
        @Schema(nullable = true, examples = "ARR-2020-1234") @Size(max = 100) String decisionReference,
        @Schema(nullable = true, examples = "2020-12-01") LocalDate conventionDate,
        @Schema(nullable = true, examples = "CONV-2020-93-042") @Size(max = 100) String conventionReference,
        @Schema(nullable = true, examples = "TRANCHES", enumeration = {"SINGLE", "TRANCHES"})
        @Pattern(regexp = "^(SINGLE|TRANCHES)$", message = "must be SINGLE or TRANCHES") String paymentConditions,
        @Schema(nullable = true, description = "Where the line applies; the envelope's when absent") @Valid TerritoryBody territory,
        @Schema(nullable = true, description = "Co-financing share in basis points (10000 = 100 %)", examples = "8000")
        @Min(0) @Max(10000) Integer cofinancingShareBasisPoints,
        @Schema(nullable = true, examples = "2020") @Min(2000) @Max(2100) Integer year,
        @Schema(nullable = true) @Size(max = 50) List<@NotNull @Valid OutputBody> outputs,
        @Schema(nullable = true, description = "Later years' amounts (needs the line's year): shown, never committed")
        @Size(max = 20) List<@NotNull @Valid ForecastBody> forecasts,
        @Schema(nullable = true, description = "DRAFT (default) or COMMITTED: commit at once", examples = "COMMITTED",
                enumeration = {"DRAFT", "COMMITTED"})
        @Pattern(regexp = "^(DRAFT|COMMITTED)$", message = "must be DRAFT or COMMITTED") String status) {
}
