package eu.focus.gateway.config;

import eu.focus.contract.CodeLists;
import eu.focus.contract.ContractSchemas;
import eu.focus.contract.ContractValidator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract (schemas, code lists, validator) and the clock, shared by every feature. */
@Configuration
public class CoreConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ContractValidator contractValidator() {
    return ContractValidator.load();
  }

  @Bean
  ContractSchemas contractSchemas() {
    return ContractSchemas.load();
  }

  @Bean
  CodeLists codeLists() {
    return CodeLists.load();
  }
}
