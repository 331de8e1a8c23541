package fr.inclusion93.conseiller.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Posts changed since the cursor, as they are now, in the order they changed")
public record PostChangesPage(
        List<PostResponse> items,
        @Schema(description = "Cursor to send next time; never null. Fewer items than limit: you are up to date, poll "
                + "again later with it", examples = "MTA0OC4wMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA")
        String next) {
}
