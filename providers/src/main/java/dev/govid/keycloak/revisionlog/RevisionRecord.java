package dev.govid.keycloak.revisionlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One link of a chain: the events one request wrote for one login (transaction) — usually the whole login,
 * written by the request that ends it — or a single event outside a login (a logout). The events are a JSON
 * array (see {@link EventsJson}); the columns repeat what the admin queries filter on. Sealing a login's
 * events into one record costs one row per login instead of one per event, and makes the login the unit the
 * hash chain protects.
 */
@Entity
@Table(name = "GOVID_REVISION_RECORD")
public class RevisionRecord {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CHAIN_ID", length = 36, nullable = false)
    private String chainId;

    @Column(name = "SEQ", nullable = false)
    private long seq;
    /** Time of the first event. */
    @Column(name = "CREATED", nullable = false)
    private long created;
    /** Time of the last event. */
    @Column(name = "ENDED", nullable = false)
    private long ended;

    @Column(name = "TRANSACTION_ID", length = 255)
    private String transactionId;

    @Column(name = "SESSION_ID", length = 255)
    private String sessionId;

    @Column(name = "CLIENT_ID", length = 255)
    private String clientId;

    @Column(name = "EVENTS", nullable = false)
    private String events;

    @Column(name = "PREV_HASH", length = 64, nullable = false)
    private String prevHash;

    @Column(name = "HASH", length = 64, nullable = false)
    private String hash;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getChainId() {
        return chainId;
    }

    public void setChainId(String chainId) {
        this.chainId = chainId;
    }

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
        this.seq = seq;
    }

    public long getCreated() {
        return created;
    }

    public void setCreated(long created) {
        this.created = created;
    }

    public long getEnded() {
        return ended;
    }

    public void setEnded(long ended) {
        this.ended = ended;
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public void setPrevHash(String prevHash) {
        this.prevHash = prevHash;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }
}
