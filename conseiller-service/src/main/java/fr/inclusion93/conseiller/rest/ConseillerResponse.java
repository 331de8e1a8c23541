package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.Conseiller;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Conseiller", description = "A person holding posts; name and email are null once erased (erasedOn)")
public record ConseillerResponse(UUID id, @Schema(nullable = true) String name, @Schema(nullable = true) String email,
        @Schema(nullable = true, description = "Day the person's data was erased, when erased") LocalDate erasedOn) {

    public static ConseillerResponse of(Conseiller person) {
        return new ConseillerResponse(person.id, person.name, person.email, person.erasedOn);
    }
}
