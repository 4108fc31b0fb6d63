package org.registrar.db;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.registrar.metrics.QueryMetrics;

/**
 * Tells {@link QueryMetrics} about every transaction Jdbi ends, committed or rolled back. Jdbi's
 * {@code inTransaction} ends through {@link #commit}/{@link #rollback} of the handle's handler too, so counting
 * there counts each transaction once. Thread-safe.
 */
final class CountingTransactionHandler extends DelegatingTransactionHandler {
    private final QueryMetrics metrics;

    CountingTransactionHandler(TransactionHandler delegate, QueryMetrics metrics) {
        super(delegate);
        this.metrics = metrics;
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new CountingTransactionHandler(getDelegate().specialize(handle), metrics);
    }

    @Override
    public void commit(Handle handle) {
        super.commit(handle);
        metrics.recordTransaction();
    }

    @Override
    public void rollback(Handle handle) {
        super.rollback(handle);
        metrics.recordTransaction();
    }
}
