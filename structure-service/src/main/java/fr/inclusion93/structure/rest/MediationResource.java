package fr.inclusion93.structure.rest;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.writes.tables.CsvFile;
import fr.inclusion93.security.Roles;
import fr.inclusion93.structure.mediation.MediationExport;
import fr.inclusion93.structure.mediation.MediationImport;
import fr.inclusion93.structure.mediation.MediationSchema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Context;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The registry in the national standard of lieux de médiation numérique (1.0.2): import and export. */
@Path("/api/structures")
@Tag(name = "Structures", description = "Host structures (structures d'accueil) of the conseiller numérique posts")
public class MediationResource {

    static final String CSV = "text/csv";
    static final String STANDARD = "the national standard of lieux de médiation numérique " + MediationSchema.VERSION
            + " (https://github.com/LaMednum/standard-mediation-num)";

    private final MediationImport mediationImport;
    private final MediationExport mediationExport;

    MediationResource(MediationImport mediationImport, MediationExport mediationExport) {
        this.mediationImport = mediationImport;
        this.mediationExport = mediationExport;
    }

    @POST
    @Path("/imports")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importMediationStructures", summary = "Import structures from a file of the national standard",
            description = "A CSV file (comma, header row; UTF-8 unless the Content-Type names another charset) of " + STANDARD + ", up to 32 MiB. All rows or none: "
                    + "every row is checked against the standard's schema and the registry's rules before anything is "
                    + "written, and a file with any invalid row is refused with each error named by row (the first after "
                    + "the header is row 1) and column. Rows are matched by pivot (SIRET, or RNA): a known structure is "
                    + "updated (a closed one stays closed), an unknown one registered; importing the same file again "
                    + "changes nothing. The registry's type is the first typology code it knows; legal kind, parent and "
                    + "QPV of a known structure are kept, a new one's legal kind is derived (RNA or ASSO: association; "
                    + "SIREN starting with 1 or 2: public body). Each change is audited and published like an API write. "
                    + "A partner imports rows of its own territory only. Other writes of structures wait until an import ends.")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "one library of La Courneuve", value = Examples.MEDIATION_CSV)))
    @APIResponse(responseCode = "200", description = "Imported: how many rows registered, updated and left unchanged structures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediationImport.Report.class),
                    examples = @ExampleObject(name = "one structure updated", value = Examples.IMPORT_REPORT)))
    @APIResponse(responseCode = "400", description = "Not a CSV file, or its header is not the standard's; nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing column", value = Examples.IMPORT_HEADER_PROBLEM)))
    @APIResponse(responseCode = "403", description = "Rows outside the partner's territory (listed); nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Two rows would make two active structures of one identifier (a "
            + "SIRET and an RNA of different structures); nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than 32 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows break the standard or the registry's rules, each error by row "
            + "and column (the first 1,000); nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "two invalid rows", value = Examples.IMPORT_PROBLEM)))
    public MediationImport.Report importFile(InputStream body, @Context HttpHeaders headers) {
        return mediationImport.importCsv(body, CsvFile.charsetOf(headers.getMediaType()));
    }

    @GET
    @Path("/export/mediation-numerique.csv")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Produces(CSV + ";charset=UTF-8")
    @Operation(operationId = "exportMediationStructuresCsv", summary = "Every active structure, as a CSV file of the national standard",
            description = "One row per active structure, in registration order, in " + STANDARD + ", streamed. "
                    + "id is the registry's; pivot the SIRET, else the RNA, else the parent's; date_maj the day of the "
                    + "last change; a place hosting an occupied conseiller numérique post is in the \"Conseillers "
                    + "numériques\" programme. What an import brought beyond the registry's fields is given back.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "one library", value = Examples.MEDIATION_CSV)))
    public Response exportCsv() {
        StreamingOutput file = mediationExport::writeCsv;
        return Response.ok(file).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"mediation-numerique.csv\"").build();
    }

    @GET
    @Path("/export/mediation-numerique.json")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportMediationStructuresJson", summary = "Every active structure, as JSON of the national standard",
            description = "The CSV export's rows as an array of objects keyed by the standard's column names (an "
                    + "empty value is left out; latitude and longitude are numbers), streamed.")
    @APIResponse(responseCode = "200", description = "The structures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Object.class),
                    examples = @ExampleObject(name = "one library", value = Examples.MEDIATION_JSON)))
    public Response exportJson() {
        StreamingOutput file = mediationExport::writeJson;
        return Response.ok(file).build();
    }
}
