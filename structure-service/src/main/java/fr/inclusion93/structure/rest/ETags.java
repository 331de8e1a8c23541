package fr.inclusion93.structure.rest;

/** A structure's ETag is its version, quoted: {@code "4"}. */
final class ETags {

    static final String IF_MATCH_DESCRIPTION = "The ETag of the structure as you last read it (\"4\"), or * for any "
            + "version; a write on a structure changed since is refused with 412.";

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }
}
