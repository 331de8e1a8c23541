package fr.inclusion93.funding.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A funding line with its figures, sub-lines, outputs and forecasts")
public record LineResponse(
        @Schema(examples = "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9") UUID id,
        @Schema(nullable = true, examples = "dsil-la-courneuve-ecoles") String key,
        @Schema(examples = "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f") UUID envelopeId,
        @Schema(nullable = true) UUID parentId,
        @Schema(nullable = true, examples = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10") UUID beneficiaryId,
        @Schema(nullable = true, examples = "entreprises d'insertion") String beneficiaryDescription,
        @Schema(examples = "Équipement de 3 500 élèves d'écoles primaires") String object,
        @Schema(nullable = true, examples = "40000000") Long amountCents,
        @Schema(nullable = true, examples = "400000.00") String amount,
        @Schema(nullable = true, examples = "NUMERAIRE") String nature,
        @Schema(nullable = true, examples = "2020-11-11") LocalDate decisionDate,
        @Schema(nullable = true, examples = "ARR-2020-1234") String decisionReference,
        @Schema(nullable = true, examples = "2020-12-01") LocalDate conventionDate,
        @Schema(nullable = true, examples = "CONV-2020-93-042") String conventionReference,
        @Schema(nullable = true, examples = "TRANCHES") String paymentConditions,
        @Schema(nullable = true, description = "The line's own; null when it is the envelope's") TerritoryBody territory,
        @Schema(nullable = true, examples = "8000") Integer cofinancingShareBasisPoints,
        @Schema(nullable = true, examples = "2020") Integer year,
        @Schema(examples = "PARTLY_PAID", enumeration = {"DRAFT", "COMMITTED", "PARTLY_PAID", "PAID", "CLOSED", "CANCELLED"})
        String status,
        @Schema(description = "The amount when the line counts as committed (COMMITTED, PARTLY_PAID, PAID, CLOSED), else 0",
                examples = "40000000") long committedCents,
        @Schema(examples = "400000.00") String committed,
        @Schema(description = "Sum of its payments (tranches less credit notes)", examples = "10000000") long paidCents,
        @Schema(examples = "100000.00") String paid,
        @Schema(description = "committed − paid", examples = "30000000") long remainingToPayCents,
        @Schema(examples = "300000.00") String remainingToPay,
        @Schema(description = "Sum of its sub-lines' amounts, cancelled ones excepted", examples = "0") long subLinesCents,
        @Schema(examples = "0.00") String subLines,
        @Schema(description = "Its sub-lines (\"dont\"), oldest first") List<SubLine> subLineSummaries,
        List<OutputResponse> outputs,
        @Schema(description = "Later years' amounts: forecasts, not committed") List<Forecast> forecasts,
        @Schema(examples = "2021-01-15T09:30:00Z") Instant createdAt,
        @Schema(examples = "2021-02-15T10:00:00Z") Instant updatedAt) {

    @Schema(name = "SubLineSummary", description = "A sub-line, in short")
    public record SubLine(
            @Schema(examples = "a1b2c3d4-e5f6-4789-8abc-def012345678") UUID id,
            @Schema(nullable = true, examples = "essaimage-emmaus-connect") String key,
            @Schema(examples = "Projet Essaimage") String object,
            @Schema(nullable = true, examples = "1000000") Long amountCents,
            @Schema(nullable = true, examples = "10000.00") String amount,
            @Schema(examples = "COMMITTED") String status) {
    }

    @Schema(name = "LineOutput", description = "What the line is meant to produce")
    public record OutputResponse(
            @Schema(examples = "élèves") String unit,
            @Schema(nullable = true, examples = "Primary-school pupils equipped") String description,
            @Schema(examples = "3500") long target,
            @Schema(nullable = true, examples = "UP_TO") String targetQualifier) {
    }

    @Schema(name = "LineForecast", description = "A later year's amount: a forecast, never committed")
    public record Forecast(
            @Schema(examples = "2022") int year,
            @Schema(examples = "2500000") long amountCents,
            @Schema(examples = "25000.00") String amount,
            @Schema(description = "Always true: not a commitment", examples = "true") boolean forecast) {
    }
}
