/**
 * In-process simulators of recipient and national systems, used by the demo and the tests:
 * REST-JSON recipients ({@link eu.focus.demo.simulator.RecipientSimulator}), SOAP systems built
 * from their own WSDL that receive and push ({@link eu.focus.demo.simulator.SoapSystemSimulator}),
 * and JSON feeds for polling ({@link eu.focus.demo.simulator.PollFeedSimulator}).
 */
package eu.focus.demo.simulator;
