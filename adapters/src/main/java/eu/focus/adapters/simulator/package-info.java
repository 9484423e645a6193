/**
 * In-process simulators of recipient and national systems, used by the demo and the tests:
 * REST-JSON recipients ({@link eu.focus.adapters.simulator.RecipientSimulator}), SOAP systems built
 * from their own WSDL that receive and push ({@link
 * eu.focus.adapters.simulator.SoapSystemSimulator}), and JSON feeds for polling ({@link
 * eu.focus.adapters.simulator.PollFeedSimulator}).
 */
package eu.focus.adapters.simulator;
