package fr.inclusion93.funding.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's name for each list's {@link PageResponse}: OpenAPI cannot name an instance of a generic type, and a
 * client generated from the contract needs a type for each list. Documentation only: the lists answer PageResponse,
 * whose JSON is the same.
 */
final class Pages {

    private Pages() {
    }

    @Schema(name = "BeneficiaryPage", description = "One page of beneficiaries, oldest first")
    record Beneficiaries(List<BeneficiaryResponse> items, int page, int size, long total) {
    }

    @Schema(name = "EnvelopePage", description = "One page of envelopes, oldest first")
    record Envelopes(List<EnvelopeResponse> items, int page, int size, long total) {
    }

    @Schema(name = "FunderPage", description = "One page of funders, oldest first")
    record Funders(List<FunderResponse> items, int page, int size, long total) {
    }

    @Schema(name = "LinePage", description = "One page of funding lines, oldest first")
    record Lines(List<LineResponse> items, int page, int size, long total) {
    }

    @Schema(name = "PaymentPage", description = "One page of a line's payments, oldest first")
    record Payments(List<PaymentResponse> items, int page, int size, long total) {
    }

    @Schema(name = "PostReservationPage", description = "One page of post reservations, oldest first")
    record PostReservations(List<PostReservationResponse> items, int page, int size, long total) {
    }

    @Schema(name = "ProgrammePage", description = "One page of programmes, oldest first")
    record Programmes(List<ProgrammeResponse> items, int page, int size, long total) {
    }
}
