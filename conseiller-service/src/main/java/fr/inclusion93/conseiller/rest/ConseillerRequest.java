package fr.inclusion93.conseiller.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConseillerRequest", description = "A person who holds (or will hold) a post: minimal personal data")
public record ConseillerRequest(@NotBlank @Size(max = 200) @Schema(example = "Camille Martin") String name,
        @NotBlank @Email @Size(max = 254) @Schema(description = "Professional e-mail", example = "camille.martin@conseiller-numerique.fr")
        String email) {
}
