package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.Money;
import fr.inclusion93.funding.service.PostReservation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A post's State subsidy: reserved (a COMMITTED line of the agreement's envelope), refused and why, "
        + "released in part when the post was returned early, or ENDED (its return arrived before its opening: nothing reserved)")
public record PostReservationResponse(
        @Schema(examples = "0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f") UUID postId,
        @Schema(examples = "5f0c9a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b") UUID agreementId,
        @Schema(nullable = true, examples = "c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f") UUID envelopeId,
        @Schema(nullable = true, description = "The reservation's funding line", examples = "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9")
        UUID lineId,
        @Schema(examples = "RELEASED", enumeration = {"RESERVED", "REFUSED", "RELEASED", "ENDED"}) String status,
        @Schema(examples = "5000000") long reservedCents,
        @Schema(examples = "50000.00") String reserved,
        @Schema(examples = "1250000") long releasedCents,
        @Schema(examples = "12500.00") String released,
        @Schema(nullable = true, examples = "24") Integer fundedMonths,
        @Schema(nullable = true, examples = "CEILING_EXCEEDED", enumeration = {"NO_ENVELOPE_FOR_AGREEMENT",
                "PROGRAMME_WITHOUT_POST_AMOUNT", "CEILING_EXCEEDED"}) String refusalReason,
        @Schema(nullable = true, examples = "envelope c3d2e1f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f is exhausted: …") String refusalDetail,
        @Schema(nullable = true, examples = "2022-06-30") LocalDate endedOn,
        @Schema(nullable = true, description = "State-funded months used when it ended", examples = "18") Integer monthsConsumed,
        @Schema(examples = "2021-03-01T09:30:00Z") Instant createdAt,
        @Schema(examples = "2022-07-01T08:00:00Z") Instant updatedAt) {

    public static PostReservationResponse of(PostReservation r) {
        return new PostReservationResponse(r.postId, r.agreementId, r.envelopeId, r.lineId, r.status.name(),
                r.reservedCents, Money.euros(r.reservedCents), r.releasedCents, Money.euros(r.releasedCents),
                r.fundedMonths, r.refusalReason, r.refusalDetail, r.endedOn, r.monthsConsumed, r.createdAt, r.updatedAt);
    }
}
