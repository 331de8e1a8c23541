package fr.inclusion93.funding.rest;

import fr.inclusion93.problem.Problem.FieldError;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a seed load did, per kind of entry, and the entries a rule of the model refused")
public record SeedLoadReport(
        @Schema(examples = "release-2021-01-15") String seed,
        @Schema(description = "Per kind (funders, programmes, envelopes, beneficiaries, lines, statedTotals), in load order")
        Map<String, Counts> kinds,
        @Schema(description = "Every refused entry of this load, with the problem the rule answered (a second load that "
                + "meets the same refusal reports it again; the refusals table keeps it once)")
        List<Refusal> refusals) {

    @Schema(description = "How many entries of a kind were created, were already there (by key), or were refused")
    public record Counts(@Schema(examples = "8") int created, @Schema(examples = "0") int alreadyThere,
            @Schema(examples = "1") int refused) {
    }

    @Schema(description = "An entry a rule refused: nothing of it was stored in the ledger")
    public record Refusal(
            @Schema(examples = "line") String kind,
            @Schema(examples = "2020-cartographie-hub-francilin") String key,
            @Schema(nullable = true, description = "The amount the entry asked for, as published", examples = "2000000")
            Long requestedCents,
            @Schema(nullable = true, examples = "20000.00") String requestedEuros,
            @Schema(examples = "409") int status,
            @Schema(examples = "https://inclusion93.fr/problems/parent-amount-exceeded") String type,
            @Schema(examples = "Parent line amount exceeded") String title,
            @Schema(description = "The problem's detail, with the figures") String detail,
            List<FieldError> errors) {
    }
}
