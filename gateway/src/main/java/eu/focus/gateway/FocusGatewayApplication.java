package eu.focus.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Focus Gateway: routes consented individual assessments between child-justice agencies. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FocusGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(FocusGatewayApplication.class, args);
  }
}
