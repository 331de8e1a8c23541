package fr.inclusion93.funding.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An envelope with its figures: committed counts the amounts of its top-level lines that are "
        + "COMMITTED, PARTLY_PAID, PAID or CLOSED (sub-lines are inside their parent's amount; forecasts never count); "
        + "paid, the payments on those lines")
public record EnvelopeResponse(
        @Schema(examples = "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f") UUID id,
        @Schema(nullable = true, examples = "dsil-2020-93") String key,
        @Schema(examples = "9a0e6a52-3f0d-4d9b-8c1e-5f2a7b3c4d5e") UUID programmeId,
        @Schema(nullable = true, examples = "2020") Integer year,
        TerritoryBody territory,
        @Schema(nullable = true, description = "Null: not stated", examples = "100000000") Long ceilingCents,
        @Schema(nullable = true, examples = "1000000.00") String ceiling,
        @Schema(examples = "40000000") long committedCents,
        @Schema(examples = "400000.00") String committed,
        @Schema(examples = "10000000") long paidCents,
        @Schema(examples = "100000.00") String paid,
        @Schema(nullable = true, description = "ceiling − committed; null without a ceiling", examples = "60000000")
        Long remainingCents,
        @Schema(nullable = true, examples = "600000.00") String remaining,
        @Schema(nullable = true, description = "The agreement whose posts it funds", examples = "5f0c9a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b") UUID agreementId,
        @Schema(examples = "2021-01-15T09:30:00Z") Instant createdAt) {
}
