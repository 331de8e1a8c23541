package fr.inclusion93.funding.scdl;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.security.Roles;
import fr.inclusion93.writes.tables.CsvFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subsidies published by others in the SCDL subventions 2.1.1 standard, brought into an envelope. */
@Path("/api/funding/imports/scdl")
@Tag(name = "SCDL subventions")
public class ScdlImportResource {

    static final String CSV = "text/csv";

    private final ScdlImport scdlImport;

    ScdlImportResource(ScdlImport scdlImport) {
        this.scdlImport = scdlImport;
    }

    @POST
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "importScdlSubventions", summary = "Import an SCDL subventions 2.1.1 CSV into an envelope",
            description = "A CSV file (comma, header row with the standard's columns; UTF-8 unless the Content-Type names "
                    + "another charset), up to 32 MiB. Every row becomes a COMMITTED top-level line of the envelope: "
                    + "idAttribuant must be the SIRET of the envelope's funder; the beneficiary is the host structure "
                    + "with idBeneficiaire, else the outside organisation with that SIRET or rnaBeneficiaire, else a new "
                    + "outside organisation; the line's amount is montant × pourcentageSubvention (the beneficiary's share), "
                    + "rounded half up to the cent; nature and conditionsVersement become ours datesPeriodeVersement, notificationUE, "
                    + "idRAE and dispositifAide are checked, not kept. All rows or none: any error is a 422 naming each "
                    + "row and column, the envelope's ceiling a 409 with its figures; nothing is then written. A row "
                    + "already imported (same attribuant, convention date, decision reference, beneficiary, object and "
                    + "amount) is unchanged: the same file twice changes nothing. A partner imports into an envelope of "
                    + "its territory only.")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(implementation = String.class),
            examples = @ExampleObject(name = "one subsidy", value = ScdlExamples.IMPORT_CSV)))
    @APIResponse(responseCode = "200", description = "What was done: rows read, lines created, rows already there",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScdlImport.Report.class),
                    examples = @ExampleObject(name = "one created", value = ScdlExamples.IMPORT_REPORT)))
    @APIResponse(responseCode = "400", description = "envelopeId missing or unknown, a header that is not the "
            + "standard's, a file that is not CSV, an unknown charset; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing column", value = ScdlExamples.IMPORT_HEADER_PROBLEM)))
    @APIResponse(responseCode = "403", description = "A partner and an envelope outside its territory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The rows would take the envelope above its ceiling (the figures); "
            + "nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Above 32 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows with errors, each named \"row N: column\"; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "two bad cells", value = ScdlExamples.IMPORT_PROBLEM)))
    public ScdlImport.Report importFile(
            @QueryParam("envelopeId") @Parameter(required = true, description = "The envelope the subsidies go to")
            String envelopeId,
            InputStream body, @Context HttpHeaders headers) {
        return scdlImport.importCsv(body, CsvFile.charsetOf(headers.getMediaType()), envelope(envelopeId));
    }

    private static UUID envelope(String text) {
        try {
            if (text != null && !text.isBlank()) {
                return UUID.fromString(text.strip());
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw ProblemException.invalidFields(List.of(new FieldError("envelopeId", "is required: the id of an envelope")));
    }
}
