/** In-process simulators of recipient and national systems, used by the demo and the tests. */
package eu.focus.adapters.simulator;
