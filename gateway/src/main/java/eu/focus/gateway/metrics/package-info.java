/** Business metrics for operators (Micrometer, exported to Prometheus). */
package eu.focus.gateway.metrics;
