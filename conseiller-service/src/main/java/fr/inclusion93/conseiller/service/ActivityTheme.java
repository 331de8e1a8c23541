package fr.inclusion93.conseiller.service;

/** The themes of the release's ateliers, and AUTRE with a text of its own. */
public enum ActivityTheme {
    DONNEES_PERSONNELLES, RESEAUX_SOCIAUX, VERIFIER_SOURCES, CV, VENDRE_UN_OBJET, ACHETER_EN_LIGNE, TELETRAVAIL,
    TELECONSULTATION, AUTRE
}
