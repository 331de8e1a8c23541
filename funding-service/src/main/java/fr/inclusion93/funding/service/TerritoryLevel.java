package fr.inclusion93.funding.service;

/** Where an envelope or a line applies: a commune (INSEE code), an EPT (SIREN) or a département (code). */
public enum TerritoryLevel { COMMUNE, EPT, DEPARTEMENT }
