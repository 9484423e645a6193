package eu.focus.demo;

import eu.focus.gateway.FocusGatewayApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The embedded default: the gateway on H2 under {@code ./data}, with the demo profile (demo
 * agencies and tokens, simulated national systems in-process). {@code java -jar
 * demo/target/focus-demo.jar}; other profiles may be added as usual.
 */
public final class FocusDemo {

  private FocusDemo() {}

  public static void main(String[] args) {
    new SpringApplicationBuilder(FocusGatewayApplication.class).profiles("demo").run(args);
  }
}
