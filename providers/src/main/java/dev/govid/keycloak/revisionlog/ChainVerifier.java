package dev.govid.keycloak.revisionlog;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * Walks every chain of a realm record by record: sequence numbers without gaps from the retention point, each
 * record's previous hash equal to its predecessor's hash, each record's hash equal to the hash of its own
 * columns (its events included), and the last record equal to the chain head. An edited record fails its hash,
 * a deleted one leaves a gap (or a short chain), a reordered one fails the link. Records are read in pages, so
 * a long chain does not fill the heap.
 */
final class ChainVerifier {
    private static final int PAGE = 500;

    private ChainVerifier() {}

    record ChainReport(
            String chainId,
            String node,
            long records,
            long firstSeq,
            long lastSeq,
            String lastHash,
            List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    record Report(boolean valid, long records, List<ChainReport> chains, List<String> problems) {}

    static Report verify(EntityManager em, String realmId) {
        List<ChainReport> chains = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<RevisionChain> heads = em.createQuery(
                        "select c from RevisionChain c where c.realmId = :realm order by c.started, c.chainId",
                        RevisionChain.class)
                .setParameter("realm", realmId)
                .getResultList();
        long total = 0;
        for (RevisionChain head : heads) {
            ChainReport report = verifyChain(em, head);
            total += report.records();
            chains.add(report);
        }
        List<String> orphans = em.createQuery(
                        "select distinct e.chainId from RevisionRecord e where e.realmId = :realm and "
                                + "e.chainId not in (select c.chainId from RevisionChain c where c.realmId = :realm)",
                        String.class)
                .setParameter("realm", realmId)
                .getResultList();
        orphans.forEach(chainId -> problems.add("records of chain " + chainId + " have no chain head"));
        boolean valid = problems.isEmpty() && chains.stream().allMatch(ChainReport::valid);
        return new Report(valid, total, chains, problems);
    }

    private static ChainReport verifyChain(EntityManager em, RevisionChain head) {
        List<String> problems = new ArrayList<>();
        long expectedSeq = head.getPrunedToSeq() + 1;
        String previous = head.getPrunedHash();
        long records = 0;
        long afterSeq = head.getPrunedToSeq();
        while (true) {
            List<RevisionRecord> page = em.createQuery(
                            "select e from RevisionRecord e where e.chainId = :chain and e.seq > :after order by e.seq",
                            RevisionRecord.class)
                    .setParameter("chain", head.getChainId())
                    .setParameter("after", afterSeq)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (RevisionRecord e : page) {
                records++;
                if (e.getSeq() != expectedSeq) {
                    problems.add("seq " + expectedSeq
                            + (e.getSeq() > expectedSeq
                                    ? " to " + (e.getSeq() - 1) + " missing (deleted records)"
                                    : " out of order"));
                }
                if (!e.getPrevHash().equals(previous)) {
                    problems.add(
                            "seq " + e.getSeq() + ": does not follow its predecessor (deleted or reordered records)");
                }
                if (!ChainHash.of(e).equals(e.getHash())) {
                    problems.add("seq " + e.getSeq() + ": content does not match its hash (edited record)");
                }
                if (!head.getRealmId().equals(e.getRealmId())) {
                    problems.add("seq " + e.getSeq() + ": record of another realm in this chain");
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
            problems.add("chain head is at seq " + head.getLastSeq() + " but the last record is seq " + afterSeq
                    + " (newest records deleted)");
        } else if (afterSeq > head.getLastSeq() || !previous.equals(head.getLastHash())) {
            problems.add("last row (seq " + afterSeq + ") does not match the chain head");
        }
        return new ChainReport(
                head.getChainId(),
                head.getNodeName(),
                records,
                head.getPrunedToSeq() + 1,
                afterSeq,
                previous,
                problems);
    }
}
