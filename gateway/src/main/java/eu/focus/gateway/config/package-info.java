/** Typed configuration ({@code focus.*}) and the wiring that turns it into running parts. */
package eu.focus.gateway.config;
