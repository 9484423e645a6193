/**
 * The auditor console: server-rendered pages (Thymeleaf, plain CSS, no JavaScript) under {@code
 * /console} for people holding the AUDITOR role. It has its own sign-in (form login and a session,
 * {@link eu.focus.gateway.channel.console.ConsoleSecurityConfig}) separate from the stateless JWT
 * API, reads the log only through the audit read side ({@code auditor}), and writes every query it
 * runs to the log, as the REST search does. One controller per page; the pages share the layout
 * fragments in {@code templates/console/layout.html} and the navigation list in {@link
 * eu.focus.gateway.channel.console.ConsoleNavigation}.
 */
package eu.focus.gateway.channel.console;
