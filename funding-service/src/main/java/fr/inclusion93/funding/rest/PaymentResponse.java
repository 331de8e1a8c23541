package fr.inclusion93.funding.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A payment entry, as recorded (never changed afterwards)")
public record PaymentResponse(
        @Schema(examples = "6f5e4d3c-2b1a-4098-8765-43210fedcba9") UUID id,
        @Schema(examples = "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9") UUID lineId,
        @Schema(examples = "TRANCHE", enumeration = {"TRANCHE", "CREDIT_NOTE"}) String kind,
        @Schema(examples = "20000000") long amountCents,
        @Schema(examples = "200000.00") String amount,
        @Schema(examples = "2021-02-15") LocalDate paidOn,
        @Schema(examples = "MANDAT-2021-000123") String reference,
        @Schema(examples = "2021-02-15T10:00:00Z") Instant recordedAt) {
}
