/**
 * Periodic work, a shared kernel: {@link eu.focus.gateway.schedule.PeriodicWorker} is the one
 * start/stop code of the gateway's background workers (the delivery poll, the Merkle sequencer and
 * checkpoints, the retention slots). It owns the threads and the lifecycle; a failed run is logged
 * by exception class or by a message the worker vouches for, never with personal data, and does not
 * stop the next run; stop waits for a running run to finish for a bounded time.
 */
package eu.focus.gateway.schedule;
