package fr.inclusion93.conseiller.service;

import java.util.List;

/**
 * A post's lifecycle: vacant → recruiting → occupied → ended (its holder's contract broken or over) → vacant again or
 * returned (given back: it ends for good). Occupied and ended follow the holder's contract; the others are asked.
 */
public enum PostState {
    VACANT, RECRUITING, OCCUPIED, ENDED, RETURNED;

    /** The states this one may move to. */
    public List<PostState> next() {
        return switch (this) {
            case VACANT -> List.of(RECRUITING, RETURNED);
            case RECRUITING -> List.of(VACANT, OCCUPIED);
            case OCCUPIED -> List.of(ENDED);
            case ENDED -> List.of(VACANT, RETURNED);
            case RETURNED -> List.of();
        };
    }
}
