package fr.inclusion93.funding.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.funding.event.FundingEvents;
import fr.inclusion93.funding.rest.LineRequest;
import fr.inclusion93.funding.rest.LineResponse;
import fr.inclusion93.problem.MergePatch;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Corrections of a line's details (JSON Merge Patch): what the line says, not the money it moves nor where it
 * counts. Amount and status change through commit, cancel, close and payments; envelope, parent, territory, year
 * and key not at all (cancel and create another line).
 */
@ApplicationScoped
public class LineUpdates {

    private static final Map<String, Function<LineRequest, Object>> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("key", LineRequest::key);
        FIXED.put("envelopeId", LineRequest::envelopeId);
        FIXED.put("parentId", LineRequest::parentId);
        FIXED.put("amountCents", LineRequest::amountCents);
        FIXED.put("territory", LineRequest::territory);
        FIXED.put("year", LineRequest::year);
        FIXED.put("status", LineRequest::status);
    }

    private final LineService lines;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Validator validator;

    LineUpdates(LineService lines, AuditLog audit, ObjectMapper json, Validator validator) {
        this.lines = lines;
        this.audit = audit;
        this.json = json;
        this.validator = validator;
    }

    @Transactional
    public LineResponse patch(UUID id, JsonNode patch) {
        FundingLine line = lines.lockedForWrite(id);
        if (line.status == LineStatus.CANCELLED) {
            throw FundingProblems.wrongStatus("correct", line.status, List.of(LineStatus.DRAFT, LineStatus.COMMITTED,
                    LineStatus.PARTLY_PAID, LineStatus.PAID, LineStatus.CLOSED));
        }
        LineRequest current = LineDetails.asRequest(line);
        LineRequest patched = MergePatch.apply(current, patch, LineRequest.class, json, validator);
        requireFixedUnchanged(current, patched);
        LineRules.check(patched);
        LineResponse before = lines.toResponse(line);
        LineDetails.apply(line, patched);
        LineResponse after = lines.toResponse(line);
        if (before.equals(after)) {
            return before; // nothing to record: no audit row, no new stamp in the change feed
        }
        line.updatedAt = Records.now();
        line.persistAndFlush();
        after = lines.toResponse(line);
        audit.record("FundingLineCorrected", FundingEvents.LINE, line.id.toString(), before, after);
        return after;
    }

    private static void requireFixedUnchanged(LineRequest current, LineRequest patched) {
        List<FieldError> errors = new ArrayList<>();
        FIXED.forEach((field, value) -> {
            if (!Objects.equals(value.apply(current), value.apply(patched))) {
                errors.add(new FieldError(field, "is not corrected by a PATCH: " + how(field)));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static String how(String field) {
        return switch (field) {
            case "amountCents", "status" -> "the amount and status move with commit, cancel, close and payments";
            default -> "it places the line; cancel it and create another";
        };
    }
}
