/** Building, encrypting, signing and deliberately breaking SAML Responses; IdP metadata. */
package dev.govid.simulator.response;
