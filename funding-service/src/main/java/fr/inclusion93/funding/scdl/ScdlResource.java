package fr.inclusion93.funding.scdl;

import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The open-data export of the committed money in the SCDL subventions 2.1.1 standard. */
@Path("/api/funding/exports")
@Tag(name = "SCDL subventions", description = "The standard of French local open data for subsidies, version 2.1.1")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
public class ScdlResource {

    private static final String ROWS = "One row per committed sub-line (\"dont\") and per committed top-level line for what "
            + "its sub-lines leave of its amount: the montant of the rows sum to the committed money. Beneficiary, nature, "
            + "payment conditions and co-financing share of a sub-line are its own, else its parent's; "
            + "datesPeriodeVersement is the first/last payment day, or the convention's day before any payment; "
            + "each row is one beneficiary's grant, so pourcentageSubvention is 1; notificationUE is non; dispositifAide "
            + "the programme. A committed line lacking what the standard requires (a funder SIRET, a convention date, a "
            + "beneficiary with SIRET or RNA, nature, payment conditions) is left out and listed by "
            + "/api/funding/exports/scdl-subventions/omissions. Streamed as the database reads the rows (in no particular order): memory "
            + "does not depend on the number of rows.";

    private final ScdlExport export;

    ScdlResource(ScdlExport export) {
        this.export = export;
    }

    @GET
    @Path("/scdl-subventions.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(operationId = "scdlSubventionsCsv", summary = "The committed money as SCDL subventions 2.1.1 CSV",
            description = "The standard's 16 columns in its order, a header row, UTF-8, comma, every value quoted. " + ROWS)
    @APIResponse(responseCode = "200", description = "The file, streamed",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "one subsidy", value = ScdlExamples.CSV)))
    public Response csv() {
        return Response.ok((StreamingOutput) export::writeCsv)
                .header("Content-Disposition", "attachment; filename=\"scdl-subventions.csv\"").build();
    }

    @GET
    @Path("/scdl-subventions.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scdlSubventionsJson", summary = "The committed money as SCDL subventions 2.1.1 JSON",
            description = "An array of objects keyed by the standard's column names (an empty value is absent; montant "
                    + "and pourcentageSubvention are numbers). " + ROWS)
    @APIResponse(responseCode = "200", description = "The array, streamed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Object.class, description = "One object per row, named as the CSV's columns"),
                    examples = @ExampleObject(name = "one subsidy", value = ScdlExamples.JSON)))
    public Response json() {
        return Response.ok((StreamingOutput) export::writeJson).build();
    }

    @GET
    @Path("/scdl-subventions/omissions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scdlSubventionsOmissions", summary = "The committed lines the SCDL export leaves out, and why",
            description = "Each with a link to the line and what the standard requires and it lacks; complete it with "
                    + "PATCH /api/funding/lines/{id} (or the funder's or beneficiary's identifiers) and it is exported.")
    @APIResponse(responseCode = "200", description = "The array, streamed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Object.class, description = "One object per row, named as the CSV's columns"),
                    examples = @ExampleObject(name = "a seeded line", value = ScdlExamples.OMISSIONS)))
    public Response omissions() {
        return Response.ok((StreamingOutput) export::writeOmissions).build();
    }
}
