package fr.inclusion93.funding.rest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One total a release states, beside the sum of its parts as published and as loaded in the ledger")
public record ReconciliationRow(
        @Schema(examples = "dont-210000") String key,
        @Schema(examples = "release-2021-01-15") String seed,
        @Schema(description = "`total` (a sum the release announces) or `dont` (a parent and the parts it lists)",
                examples = "dont", enumeration = {"total", "dont"}) String kind,
        @Schema(description = "The figure as written", examples = "210 000€") String wording,
        @Schema(nullable = true, description = "`plus de` (a floor), `près de` (an approximation) or null (a plain figure)",
                examples = "null") String qualifier,
        @Schema(examples = "21000000") long statedCents,
        @Schema(examples = "210000.00") String statedEuros,
        @Schema(description = "What the release says it is the total of (verbatim)") String claims,
        @Schema(nullable = true, description = "The line keys it sums, in the release's order; null when the release does "
                + "not identify them") List<String> parts,
        @Schema(description = "Each part: its published figure, and the ledger's line (id, status, amount) of the same key")
        List<Part> partFigures,
        @Schema(nullable = true, description = "Sum of the parts' published amounts (refused parts included, parts "
                + "without an amount left out); null when the parts are not identified", examples = "22300000")
        Long publishedPartsCents,
        @Schema(nullable = true, examples = "223000.00") String publishedPartsEuros,
        @Schema(nullable = true, description = "Sum of the parts' amounts in the ledger (lines not cancelled)", examples = "20300000")
        Long loadedPartsCents,
        @Schema(nullable = true, examples = "203000.00") String loadedPartsEuros,
        @Schema(nullable = true, description = "Parts the release gives no amount for") List<String> partsWithoutAmount,
        @Schema(nullable = true, description = "Parts a rule of the model refused (not in the ledger)") List<String> refusedParts,
        @Schema(nullable = true, description = "publishedPartsCents − statedCents (positive: the parts exceed the figure)",
                examples = "1300000") Long differenceCents,
        @Schema(nullable = true, examples = "13000.00") String differenceEuros,
        @Schema(nullable = true, description = "loadedPartsCents − statedCents", examples = "-700000") Long loadedDifferenceCents,
        @Schema(description = "Read from the qualifier and the kind; see the report's description", examples = "CONFLICT")
        Verdict verdict,
        @Schema(description = "The release's sentence") String source) {

    public enum Verdict { EQUAL, CONSISTENT, CONFLICT, APPROXIMATE, INDETERMINATE, NOT_RECONCILABLE }

    @Schema(description = "A part of a stated total")
    public record Part(
            @Schema(examples = "2020-cartographie-hub-francilin") String lineKey,
            @Schema(nullable = true, description = "As the release publishes it; null: not given", examples = "2000000")
            Long publishedCents,
            @Schema(nullable = true, description = "The ledger's line of this key; null when it is not there") UUID lineId,
            @Schema(nullable = true, examples = "COMMITTED") String lineStatus,
            @Schema(nullable = true, description = "The ledger's amount (null: none, or the line is cancelled)") Long loadedCents,
            @Schema(description = "A rule refused it when the seed was loaded") boolean refused,
            @Schema(nullable = true, description = "The refusal's detail, with its figures") String refusalDetail) {
    }
}
