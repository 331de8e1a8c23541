package fr.inclusion93.structure.service;

import java.util.List;

/**
 * What a search keeps: structures matching every filter given (null: not filtered on).
 *
 * @param words each must appear in the name, accents and case ignored; empty for any name
 */
public record StructureFilter(String eptSiren, String communeInsee, String type, Structure.LegalKind legalKind,
        Boolean qpv, Structure.Status status, List<String> words, String siret, String rna) {

    public StructureFilter {
        words = List.copyOf(words);
    }
}
