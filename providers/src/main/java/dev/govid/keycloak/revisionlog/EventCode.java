package dev.govid.keycloak.revisionlog;

import java.util.Arrays;
import java.util.Optional;

/**
 * MOA-ID's revision-log event codes. Base events are always written when the log is on; the others are
 * chosen per realm and per client ({@link EventSelection}), as MOA-ID chose them per instance and per application.
 */
public enum EventCode {
    SESSION_STARTED(1000, true, "session started (value: session id)"),
    SESSION_ENDED(1001, true, "session ended (value: session id)"),
    SESSION_IP(1002, true, "IP address that opened the session"),
    SESSION_ERROR(1003, true, "session ended by an error (value: session id)"),
    TRANSACTION_STARTED(1100, true, "transaction started (value: transaction id)"),
    TRANSACTION_ENDED(1101, true, "transaction ended (value: transaction id)"),
    TRANSACTION_IP(1102, true, "IP address that opened the transaction"),
    TRANSACTION_ERROR(1103, true, "transaction ended by an error (value: transaction id)"),
    PROTOCOL(3000, false, "protocol type (OpenID Connect, PVP2, SAML1)"),
    SAML1_START_AUTHENTICATION(3300, false, "SAML1 StartAuthentication request"),
    PROCESS_STARTED(4000, false, "identification and authentication started"),
    PROCESS_FINISHED(4001, false, "identification and authentication finished"),
    PROFESSIONAL_REPRESENTATIVE_BPK(5000, false, "professional representative's bPK (pseudonymised)"),
    PROFESSIONAL_REPRESENTATIVE_OID(5001, false, "professional representative's / Organwalter OID"),
    PERSON(5002, false, "pseudonymised person data of the authenticating natural person"),
    MANDATE_TYPE(5100, false, "type of the selected mandate"),
    MANDATOR_KIND(5101, false, "mandator is a legal (jur) or natural (nat) person"),
    REPRESENTED_PERSON(5102, false, "pseudonymised person data of the represented natural person"),
    REPRESENTED_LEGAL_PERSON(5103, false, "base id of the represented legal person"),
    EID_SELECTED(6300, false, "eID system selected (value: its EntityID)"),
    EID_CONTACTED(6301, false, "eID system contacted (value: request id)"),
    EID_VALID_RESPONSE(6302, false, "valid response from the eID system (value: response id)"),
    EID_ERROR(6303, false, "invalid response or error code from the eID system"),
    EID_ATTRIBUTES_RECEIVED(6304, false, "valid attributes received from the eID system");

    private final int code;
    private final boolean base;
    private final String meaning;

    EventCode(int code, boolean base, String meaning) {
        this.code = code;
        this.base = base;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** Always written when the revision log is on, whatever the selection. */
    public boolean isBase() {
        return base;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<EventCode> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
