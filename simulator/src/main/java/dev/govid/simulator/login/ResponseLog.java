package dev.govid.simulator.login;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.govid.simulator.IssuedResponse;

/** The most recent responses, so tests can inspect what they were sent (including the plaintext assertion). */
public final class ResponseLog {
    private static final int CAPACITY = 200;

    private final Map<String, IssuedResponse> byTransaction = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IssuedResponse> eldest) {
            return size() > CAPACITY;
        }
    };
    private IssuedResponse last;

    public synchronized void record(IssuedResponse response) {
        byTransaction.put(response.transactionId(), response);
        last = response;
    }

    public synchronized Optional<IssuedResponse> last() {
        return Optional.ofNullable(last);
    }

    public synchronized Optional<IssuedResponse> forTransaction(String transactionId) {
        return Optional.ofNullable(byTransaction.get(transactionId));
    }
}
