package fr.inclusion93.conseiller.report;

import fr.inclusion93.conseiller.service.PostState;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contradiction", description = "A post whose state disagrees with its holder's contract dates")
public record Contradiction(UUID postId, UUID agreementId, PostState state,
        @Schema(description = "The running contract, if any") UUID contractId,
        @Schema(description = "What disagrees", example = "occupied after its contract's planned end (2023-03-01)") String reason) {
}
