package dev.govid.keycloak.revisionlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One revision-log row, never updated. {@code chainId}/{@code seq} place it in its chain, {@code hash} covers
 * every other column and the previous row's hash ({@link ChainHash}).
 */
@Entity
@Table(name = "GOVID_REVISION_LOG")
public class RevisionLogEntry {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "CHAIN_ID", length = 36, nullable = false)
    private String chainId;
    @Column(name = "SEQ", nullable = false)
    private long seq;
    @Column(name = "CREATED", nullable = false)
    private long created;
    @Column(name = "CODE", nullable = false)
    private int code;
    @Column(name = "EVENT_VALUE", length = 1024)
    private String value;
    @Column(name = "TRANSACTION_ID", length = 255)
    private String transactionId;
    @Column(name = "SESSION_ID", length = 255)
    private String sessionId;
    @Column(name = "CLIENT_ID", length = 255)
    private String clientId;
    @Column(name = "PREV_HASH", length = 64, nullable = false)
    private String prevHash;
    @Column(name = "HASH", length = 64, nullable = false)
    private String hash;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getChainId() { return chainId; }
    public void setChainId(String chainId) { this.chainId = chainId; }
    public long getSeq() { return seq; }
    public void setSeq(long seq) { this.seq = seq; }
    public long getCreated() { return created; }
    public void setCreated(long created) { this.created = created; }
    public int getCode() { return code; }
    public void setCode(int code) { this.code = code; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getTransactionId() { return transactionId; }
    public void setTransactionId(String transactionId) { this.transactionId = transactionId; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getPrevHash() { return prevHash; }
    public void setPrevHash(String prevHash) { this.prevHash = prevHash; }
    public String getHash() { return hash; }
    public void setHash(String hash) { this.hash = hash; }
}
