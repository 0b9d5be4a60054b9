package dev.govid.keycloak.revisionlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The head of one chain: one per realm and Keycloak process. Updated in the same transaction as the rows it
 * covers, so deleting the newest rows is as visible as deleting any other. Retention moves {@code prunedToSeq}
 * and keeps the hash of the last removed row, so what remains still verifies.
 */
@Entity
@Table(name = "GOVID_REVISION_CHAIN")
public class RevisionChain {
    @Id
    @Column(name = "CHAIN_ID", length = 36)
    private String chainId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "NODE_NAME", length = 255)
    private String nodeName;

    @Column(name = "STARTED", nullable = false)
    private long started;

    @Column(name = "LAST_SEQ", nullable = false)
    private long lastSeq;

    @Column(name = "LAST_HASH", length = 64, nullable = false)
    private String lastHash;

    @Column(name = "PRUNED_TO_SEQ", nullable = false)
    private long prunedToSeq;

    @Column(name = "PRUNED_HASH", length = 64, nullable = false)
    private String prunedHash;

    public String getChainId() {
        return chainId;
    }

    public void setChainId(String chainId) {
        this.chainId = chainId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public long getStarted() {
        return started;
    }

    public void setStarted(long started) {
        this.started = started;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public void setLastSeq(long lastSeq) {
        this.lastSeq = lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void setLastHash(String lastHash) {
        this.lastHash = lastHash;
    }

    public long getPrunedToSeq() {
        return prunedToSeq;
    }

    public void setPrunedToSeq(long prunedToSeq) {
        this.prunedToSeq = prunedToSeq;
    }

    public String getPrunedHash() {
        return prunedHash;
    }

    public void setPrunedHash(String prunedHash) {
        this.prunedHash = prunedHash;
    }
}
