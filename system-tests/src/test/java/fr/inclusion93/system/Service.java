package fr.inclusion93.system;

/** The processes of the system, as deploy/run.sh names them, and where each listens relative to PORT_BASE. */
enum Service {
    STRUCTURE("structure-service", 1),
    GATEWAY("gateway", 0),
    CONSEILLER("conseiller-service", 2),
    FUNDING("funding-service", 3);

    final String scriptName;
    final int portOffset;

    Service(String scriptName, int portOffset) {
        this.scriptName = scriptName;
        this.portOffset = portOffset;
    }

    /** Where its k-th instance (from 1) listens relative to PORT_BASE, as run.sh places it; the gateway has one. */
    int portOffset(int instance) {
        return this == GATEWAY ? portOffset : portOffset + 100 * (instance - 1);
    }

    int instances(int perService) {
        return this == GATEWAY ? 1 : perService;
    }
}
