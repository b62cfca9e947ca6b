package dev.igautomation.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work to do once a transaction has committed and released its connection: a job runs its transactions inside
 * {@link #scope}, and what they {@link #defer} runs when the scope ends. Running it from the transaction's own
 * completion callback would be too early: that connection is not released yet, so work needing another one could
 * starve the pool.
 */
public final class AfterCommit {

	private static final ThreadLocal<List<Runnable>> DEFERRED = new ThreadLocal<>();

	private AfterCommit() {
	}

	/** Runs {@code work}, then what the transactions that committed in it deferred, in order. */
	public static void scope(Runnable work) {
		if (DEFERRED.get() != null) {
			work.run();
			return;
		}
		List<Runnable> deferred = new ArrayList<>();
		DEFERRED.set(deferred);
		try {
			work.run();
		}
		finally {
			DEFERRED.remove();
			for (int i = 0; i < deferred.size(); i++) {
				deferred.get(i).run();
			}
		}
	}

	/**
	 * Has {@code work} run at the end of the current scope if the current transaction commits (or at once when there
	 * is none); false, doing nothing, when no scope is open on this thread.
	 */
	public static boolean defer(Runnable work) {
		List<Runnable> deferred = DEFERRED.get();
		if (deferred == null) {
			return false;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deferred.add(work);
				}
			});
		}
		else {
			deferred.add(work);
		}
		return true;
	}

}
