package eu.focus.gateway.schedule;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The base of a background worker started and stopped with the application. A subclass names its
 * threads, says whether it runs in this process, and in {@link #schedule()} plans its runs with
 * {@link #every} (a fixed delay between runs) or {@link #once} (one run, e.g. the next slot of a
 * cron expression, which may plan the following one). Each run is guarded: a {@link
 * RuntimeException} is logged as {@code "<what> failed, will retry: <detail>"}, where the detail is
 * the exception's class unless the subclass vouches for its messages ({@link #detail}), and the
 * next run happens as planned. {@link #stop()} cancels what is planned and waits up to the stop
 * wait for a running run to end; a stop wait of zero interrupts it instead.
 */
public abstract class PeriodicWorker implements SmartLifecycle {

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String name;
  private final int threads;
  private final boolean enabled;
  private final Duration stopWait;
  private ScheduledExecutorService executor;

  /**
   * @param name the thread name; with more than one thread, numbered {@code name-1}, {@code
   *     name-2}...
   * @param threads how many runs may go on at once
   * @param enabled false where this process does not do this work: start does nothing
   * @param stopWait how long stop waits for running runs; zero interrupts them and does not wait
   */
  protected PeriodicWorker(String name, int threads, boolean enabled, Duration stopWait) {
    this.name = name;
    this.threads = threads;
    this.enabled = enabled;
    this.stopWait = stopWait;
  }

  /** Plans the runs with {@link #every} or {@link #once}; called by {@link #start()}. */
  protected abstract void schedule();

  /** What a failed run's log line says about the exception: its class, unless overridden. */
  protected String detail(RuntimeException e) {
    return e.getClass().getName();
  }

  /** Runs {@code run} after {@code first}, then again {@code interval} after each run ends. */
  protected final synchronized void every(
      String what, Duration first, Duration interval, Runnable run) {
    if (executor != null) {
      executor.scheduleWithFixedDelay(
          guarded(what, run), first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Runs {@code run} once after {@code delay}; does nothing once the worker is stopped. */
  protected final synchronized void once(String what, Duration delay, Runnable run) {
    if (executor != null) {
      executor.schedule(guarded(what, run), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private Runnable guarded(String what, Runnable run) {
    return () -> {
      try {
        run.run();
      } catch (RuntimeException e) {
        log.warn("{} failed, will retry: {}", what, detail(e));
      }
    };
  }

  @Override
  public synchronized void start() {
    if (!enabled || executor != null) {
      return;
    }
    AtomicInteger n = new AtomicInteger();
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            threads,
            r -> {
              Thread t = new Thread(r, threads == 1 ? name : name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // a stop cancels what is planned, it does not wait for it
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor = pool;
    schedule();
  }

  @Override
  public void stop() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = executor;
      executor = null;
    }
    if (stopping == null) {
      return;
    }
    if (stopWait.isZero()) {
      stopping.shutdownNow();
      return;
    }
    stopping.shutdown();
    try {
      stopping.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
