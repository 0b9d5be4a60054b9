package dev.govid.simulator.login;

import java.time.Instant;

/** What the {@link TransactionStore} needs of a pending login, whichever protocol mode opened it. */
public interface PendingLogin {
    String id();

    Instant created();
}
