package coop.intercoop.hub.platform.jobs;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work to do once the caller's transaction commits, and not if it rolls back: waking a runner that should look now. */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(TransactionSynchronizationRegistry registry, Runnable work) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}
