package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.Contract;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contract", description = "A holder's contract: who (by id only) held the post when")
public record ContractResponse(UUID id, UUID postId, UUID conseillerId, Contract.Type type, LocalDate startOn,
        @Schema(description = "The planned end, moved by each renewal") LocalDate plannedEndOn, int stateFundedMonths,
        Contract.TrainingMode trainingMode, Contract.TrainingStatus trainingStatus,
        @Schema(description = "How many times the contract was renewed") int renewals,
        @Schema(nullable = true, description = "Day it ended, when ended") LocalDate endedOn,
        @Schema(nullable = true, description = "Why it ended, when ended") Contract.EndReason endReason) {

    public static ContractResponse of(Contract contract) {
        return new ContractResponse(contract.id, contract.postId, contract.conseillerId, contract.type, contract.startOn,
                contract.plannedEndOn, contract.stateFundedMonths, contract.trainingMode, contract.trainingStatus,
                contract.renewals, contract.endedOn, contract.endReason);
    }
}
