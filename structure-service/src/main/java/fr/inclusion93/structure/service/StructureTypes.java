package fr.inclusion93.structure.service;

import fr.inclusion93.structure.rest.StructureTypeResponse;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class StructureTypes {

    private final AuditLog audit;

    StructureTypes(AuditLog audit) {
        this.audit = audit;
    }

    public List<StructureTypeResponse> all() {
        return StructureType.<StructureType>findAll(Sort.by("code")).stream().map(StructureTypes::response).toList();
    }

    public boolean exists(String code) {
        return StructureType.findById(code) != null;
    }

    /** Adds or renames a type, audited; existing structures keep their code. */
    @Transactional
    public StructureTypeResponse put(String code, String label) {
        StructureType type = StructureType.<StructureType>findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        StructureTypeResponse before = type == null ? null : response(type);
        if (type == null) {
            type = new StructureType();
            type.code = code;
        }
        type.label = label.strip();
        type.persist();
        StructureTypeResponse after = response(type);
        if (!after.equals(before)) {
            audit.record(before == null ? "StructureTypeAdded" : "StructureTypeRenamed", "structure-type", code, before, after);
        }
        return after;
    }

    private static StructureTypeResponse response(StructureType type) {
        return new StructureTypeResponse(type.code, type.label);
    }
}
