package dev.govid.keycloak.revisionlog;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * Walks every chain of a realm row by row: sequence numbers without gaps from the retention point, each row's
 * previous hash equal to its predecessor's hash, each row's hash equal to the hash of its own columns, and the
 * last row equal to the chain head. An edited row fails its hash, a deleted row leaves a gap (or a short
 * chain), a reordered row fails the link. Rows are read in pages, so a long chain does not fill the heap.
 */
final class ChainVerifier {
    private static final int PAGE = 500;

    private ChainVerifier() {
    }

    record ChainReport(String chainId, String node, long rows, long firstSeq, long lastSeq, String lastHash, List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    record Report(boolean valid, long rows, List<ChainReport> chains, List<String> problems) {
    }

    static Report verify(EntityManager em, String realmId) {
        List<ChainReport> chains = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<RevisionChain> heads = em.createQuery("select c from RevisionChain c where c.realmId = :realm order by c.started, c.chainId", RevisionChain.class)
                .setParameter("realm", realmId).getResultList();
        long total = 0;
        for (RevisionChain head : heads) {
            ChainReport report = verifyChain(em, head);
            total += report.rows();
            chains.add(report);
        }
        List<String> orphans = em.createQuery("select distinct e.chainId from RevisionLogEntry e where e.realmId = :realm and "
                        + "e.chainId not in (select c.chainId from RevisionChain c where c.realmId = :realm)", String.class)
                .setParameter("realm", realmId).getResultList();
        orphans.forEach(chainId -> problems.add("rows of chain " + chainId + " have no chain head"));
        boolean valid = problems.isEmpty() && chains.stream().allMatch(ChainReport::valid);
        return new Report(valid, total, chains, problems);
    }

    private static ChainReport verifyChain(EntityManager em, RevisionChain head) {
        List<String> problems = new ArrayList<>();
        long expectedSeq = head.getPrunedToSeq() + 1;
        String previous = head.getPrunedHash();
        long rows = 0;
        long afterSeq = head.getPrunedToSeq();
        while (true) {
            List<RevisionLogEntry> page = em.createQuery("select e from RevisionLogEntry e where e.chainId = :chain and e.seq > :after order by e.seq", RevisionLogEntry.class)
                    .setParameter("chain", head.getChainId()).setParameter("after", afterSeq).setMaxResults(PAGE).getResultList();
            for (RevisionLogEntry e : page) {
                rows++;
                if (e.getSeq() != expectedSeq) {
                    problems.add("seq " + expectedSeq + (e.getSeq() > expectedSeq ? " to " + (e.getSeq() - 1) + " missing (deleted rows)" : " out of order"));
                }
                if (!e.getPrevHash().equals(previous)) {
                    problems.add("seq " + e.getSeq() + ": does not follow its predecessor (deleted or reordered rows)");
                }
                if (!ChainHash.of(e).equals(e.getHash())) {
                    problems.add("seq " + e.getSeq() + ": content does not match its hash (edited row)");
                }
                if (!head.getRealmId().equals(e.getRealmId())) {
                    problems.add("seq " + e.getSeq() + ": row of another realm in this chain");
                }
                previous = e.getHash();
                expectedSeq = e.getSeq() + 1;
                afterSeq = e.getSeq();
            }
            page.forEach(em::detach);
            if (page.size() < PAGE) {
                break;
            }
        }
        if (afterSeq < head.getLastSeq()) {
            problems.add("chain head is at seq " + head.getLastSeq() + " but the last row is seq " + afterSeq + " (newest rows deleted)");
        } else if (afterSeq > head.getLastSeq() || !previous.equals(head.getLastHash())) {
            problems.add("last row (seq " + afterSeq + ") does not match the chain head");
        }
        return new ChainReport(head.getChainId(), head.getNodeName(), rows, head.getPrunedToSeq() + 1, afterSeq, previous, problems);
    }
}
