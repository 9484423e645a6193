/**
 * Routing decisions and data minimisation. The policy file (who may see what, hard rules, country
 * tightenings) is data; {@link eu.focus.gateway.policy.PolicyEngine} applies it and names the rule
 * that decided; {@link eu.focus.gateway.policy.PolicyRecheck} decides again at send or read time;
 * {@link eu.focus.gateway.policy.Minimiser} cuts a record down to the classes a recipient may see
 * by walking the contract schema's sensitivity annotations (docs/domain.md).
 */
package eu.focus.gateway.policy;
