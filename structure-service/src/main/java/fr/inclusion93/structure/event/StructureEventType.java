package fr.inclusion93.structure.event;

/** The events structure-service publishes on {@code structure.events}, keyed by structure id. */
public enum StructureEventType {

    REGISTERED("StructureRegistered", 2),
    UPDATED("StructureUpdated", 1),
    CLOSED("StructureClosed", 1),
    REOPENED("StructureReopened", 1);

    public static final String TOPIC = "structure.events";
    public static final String AGGREGATE_TYPE = "structure";

    private final String type;
    private final int schemaVersion;

    StructureEventType(String type, int schemaVersion) {
        this.type = type;
        this.schemaVersion = schemaVersion;
    }

    public String type() {
        return type;
    }

    /** The version of {@link StructureChanged} this type carries. */
    public int schemaVersion() {
        return schemaVersion;
    }
}
