package fr.inclusion93.funding.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** A line became a commitment: its amount is owed (FundingLineCommitted v1). Absent properties are unknown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FundingLineCommitted(
        UUID lineId,
        String key,
        UUID envelopeId,
        UUID parentId,
        UUID beneficiaryId,
        String object,
        long amountCents,
        Integer year,
        String status) {
}
