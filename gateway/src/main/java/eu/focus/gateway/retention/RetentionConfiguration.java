package eu.focus.gateway.retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention rules from {@code focus.retention.periods}; a bad period stops the start. */
@Configuration
class RetentionConfiguration {

  @Bean
  RetentionRules retentionRules(RetentionProperties settings) {
    return new RetentionRules(settings.periods());
  }
}
