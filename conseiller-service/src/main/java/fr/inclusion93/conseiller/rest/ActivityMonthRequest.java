package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.ActivityTheme;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActivityMonth", description = "Everything a post's holder did in a month; it replaces what was entered for that month")
public record ActivityMonthRequest(@NotNull @Size(max = 1000) List<@NotNull @Valid ActivityBody> activities) {

    @Schema(name = "ActivityKind")
    public enum Kind { PERMANENCE, ATELIER, MINI_FORMATION }

    @Schema(name = "Activity")
    public record ActivityBody(
            @NotNull @Schema(example = "ATELIER") Kind kind,
            @NotNull @Schema(description = "A day of the month", example = "2021-03-04") LocalDate heldOn,
            @NotNull @Min(1) @Max(1440) @Schema(example = "120") Integer durationMinutes,
            @NotNull @Schema(description = "The host structure where it took place", example = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10")
            UUID placeId,
            @NotEmpty @Size(max = 9) @Schema(example = "[\"CV\", \"TELETRAVAIL\"]") List<@NotNull ActivityTheme> themes,
            @Size(max = 200) @Schema(description = "With the theme AUTRE, what it was; absent otherwise") String otherTheme,
            @NotNull @Min(0) @Max(10_000) @Schema(example = "8") Integer peopleHelped) {
    }
}
