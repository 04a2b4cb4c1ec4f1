package coop.intercoop.hub.platform.jobs;

import jakarta.enterprise.context.Dependent;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The transactions of a job's run: each piece of work in a new transaction that commits when it returns and rolls back
 * when it throws. A job runs on a managed thread, outside any request, so it declares its own boundaries here.
 */
@Dependent
public class JobTransactions {

    @Transactional(TxType.REQUIRES_NEW)
    public void inNew(Runnable work) {
        work.run();
    }
}
