/** The embedded default's demo parts: simulated recipient systems. Demo profile only. */
package eu.focus.gateway.demo;
