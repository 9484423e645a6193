/**
 * The Focus Gateway application. Feature packages: {@code api} (the REST channel, thin), {@code
 * intake} (storing record versions), {@code policy} (decisions and minimisation), {@code consent},
 * {@code delivery} (the outbox and its workers), {@code audit} (the append-only log), {@code
 * agency} and {@code security} (who is calling), {@code demo} (the embedded default's simulators).
 * Channels know protocols, not rules; the flows behind them know the contract, not protocols.
 */
package eu.focus.gateway;
