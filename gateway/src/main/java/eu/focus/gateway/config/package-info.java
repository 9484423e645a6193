/** Typed configuration ({@code focus.*}) and the core beans every part uses (clock, contract). */
package eu.focus.gateway.config;
