package fr.inclusion93.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** JSON Merge Patch (RFC 7396): a partial update is the resource with the patch's members replaced, null removing one. */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** {@code current} with {@code patch} merged in, read back as a full request and checked like one (400 naming each field). */
    public static <T> T apply(T current, JsonNode patch, Class<T> type, ObjectMapper json, Validator validator) {
        if (!patch.isObject()) {
            throw ProblemException.invalidFields(List.of(new Problem.FieldError("", "a merge patch must be a JSON object")));
        }
        JsonNode merged = merge(json.valueToTree(current), patch);
        T patched;
        try {
            patched = json.treeToValue(merged, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName).collect(Collectors.joining("."));
            throw ProblemException.invalidFields(List.of(new Problem.FieldError(field, e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidFields(List.of(new Problem.FieldError("", e.getOriginalMessage())));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return patched;
    }

    public static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy() : ((ObjectNode) patch.deepCopy()).removeAll();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.path(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
