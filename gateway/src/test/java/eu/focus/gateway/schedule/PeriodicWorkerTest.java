package eu.focus.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicWorkerTest {

  private static final Duration TICK = Duration.ofMillis(5);

  private final AtomicInteger runs = new AtomicInteger();
  private TestWorker worker;

  /** Counts its runs; with failEveryOtherRun, the odd-numbered runs throw. */
  private final class TestWorker extends PeriodicWorker {
    private final boolean failEveryOtherRun;

    TestWorker(boolean enabled, boolean failEveryOtherRun) {
      super("test-worker", 1, enabled, Duration.ofSeconds(1));
      this.failEveryOtherRun = failEveryOtherRun;
    }

    @Override
    protected void schedule() {
      every(
          "Test run",
          TICK,
          TICK,
          () -> {
            if (runs.incrementAndGet() % 2 == 1 && failEveryOtherRun) {
              throw new IllegalStateException("run failed");
            }
          });
    }
  }

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.stop();
    }
  }

  @Test
  void runsRepeat() {
    worker = new TestWorker(true, false);
    worker.start();
    assertThat(worker.isRunning()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
  }

  @Test
  void aFailedRunDoesNotStopTheNext() {
    worker = new TestWorker(true, true);
    worker.start();
    // runs 1, 3, 5 throw: the worker goes on past them
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 6);
    assertThat(worker.isRunning()).isTrue();
  }

  @Test
  void stopStopsIt() {
    worker = new TestWorker(true, false);
    worker.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 1);
    worker.stop();
    assertThat(worker.isRunning()).isFalse();
    int afterStop = runs.get();
    // no run starts after stop has returned, over many ticks
    await()
        .during(TICK.multipliedBy(20))
        .atMost(Duration.ofSeconds(5))
        .until(() -> runs.get() == afterStop);
  }

  @Test
  void aDisabledWorkerDoesNotStart() {
    worker = new TestWorker(false, false);
    worker.start();
    assertThat(worker.isRunning()).isFalse();
    await()
        .during(TICK.multipliedBy(20))
        .atMost(Duration.ofSeconds(5))
        .until(() -> runs.get() == 0);
  }

  @Test
  void aOneOffRunCanPlanTheNext() {
    PeriodicWorker chain =
        new PeriodicWorker("test-chain", 1, true, Duration.ZERO) {
          @Override
          protected void schedule() {
            once("Test slot", TICK, this::slot);
          }

          private void slot() {
            try {
              if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("slot failed");
              }
            } finally {
              schedule();
            }
          }
        };
    chain.start();
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
    } finally {
      chain.stop();
    }
    assertThat(chain.isRunning()).isFalse();
  }
}
