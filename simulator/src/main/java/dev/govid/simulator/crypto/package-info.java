/** IdP key material, XML signing and assertion encryption (Santuario, BouncyCastle). */
package dev.govid.simulator.crypto;
