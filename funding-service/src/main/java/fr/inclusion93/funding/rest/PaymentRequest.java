package fr.inclusion93.funding.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A payment entry: a tranche (positive amount) or a credit note / clawback (negative amount)")
public record PaymentRequest(
        @Schema(description = "Euro cents, not zero: positive for a tranche, negative for a credit note", examples = "20000000")
        @NotNull Long amountCents,
        @Schema(description = "The day of the payment or credit note", examples = "2021-02-15") @NotNull LocalDate paidOn,
        @Schema(description = "The accounting reference (mandat, titre de recette)", examples = "MANDAT-2021-000123")
        @NotBlank @Size(max = 100) String reference) {
}
