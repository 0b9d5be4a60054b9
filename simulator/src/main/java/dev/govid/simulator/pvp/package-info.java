/**
 * The Austrian PVP2 S-Profil / ID Austria mode: request reading, levels of assurance in three vocabularies,
 * personas with mandates, bPK derivation and attribute release. It reuses the BundID mode's request
 * signature checks, SP registry, response signing/encryption, faults and transaction store.
 */
package dev.govid.simulator.pvp;
