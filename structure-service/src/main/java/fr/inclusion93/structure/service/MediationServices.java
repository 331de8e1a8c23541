package fr.inclusion93.structure.service;

import java.util.List;

/** The services a place of médiation numérique offers, as the national standard (lieux 1.0.2) names them. */
public final class MediationServices {

    public static final List<String> ALL = List.of(
            "Aide aux démarches administratives",
            "Maîtrise des outils numériques du quotidien",
            "Insertion professionnelle via le numérique",
            "Utilisation sécurisée du numérique",
            "Parentalité et éducation avec le numérique",
            "Loisirs et créations numériques",
            "Compréhension du monde numérique",
            "Accès internet et matériel informatique",
            "Acquisition de matériel informatique à prix solidaire");

    private MediationServices() {
    }
}
