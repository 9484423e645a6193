package eu.focus.demo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * Plugs the demo into the gateway when this module is on the class path and the {@code demo}
 * profile is active: simulated national systems, the demo token issuer (before the resource
 * server's own decoder, which it replaces) and the demo's endpoints. The production jar has none of
 * it; the gateway does not know this module exists.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@Profile("demo")
@EnableConfigurationProperties(DemoProperties.class)
@Import({
  DemoTokens.class,
  DemoTokenController.class,
  DemoSimulators.class,
  DemoSimulatorController.class,
  DemoAccess.class
})
public class DemoConfiguration {}
