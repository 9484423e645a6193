/**
 * The demo: the gateway's embedded default with demo agencies ({@code application-demo.yml}), a
 * demo token issuer, and simulated national systems in-process ({@link
 * eu.focus.demo.DemoSimulators}, from the {@code simulators} module). It plugs into the gateway as
 * an auto-configuration on the {@code demo} profile ({@link eu.focus.demo.DemoConfiguration}); the
 * production jar contains none of it. This module also holds the tests that boot the whole
 * application (*IT), since they run it against these simulated systems.
 */
package eu.focus.demo;
