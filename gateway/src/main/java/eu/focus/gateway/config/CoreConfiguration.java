package eu.focus.gateway.config;

import eu.focus.contract.CodeLists;
import eu.focus.contract.ContractSchemas;
import eu.focus.contract.ContractValidator;
import eu.focus.contract.xml.ContractXml;
import eu.focus.mappings.Mapping;
import eu.focus.mappings.MappingRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contract (schemas, code lists, validator, XML form) and the clock, shared by every feature.
 */
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

  /** Contract documents as XML, for the SOAP channel and SOAP recipients. */
  @Bean
  ContractXml contractXml(ContractSchemas schemas) {
    return new ContractXml(schemas);
  }

  @Bean
  CodeLists codeLists() {
    return CodeLists.load();
  }

  /**
   * National-system mappings: the built-in ones, or those of {@code focus.mappings.directory}.
   * Every agency connector that names a mapping must find it, or the gateway does not start.
   */
  @Bean
  Mapping mapping(FocusProperties props, ContractValidator validator) {
    String dir = props.mappings().directory();
    MappingRegistry registry =
        dir == null || dir.isBlank()
            ? MappingRegistry.load()
            : MappingRegistry.loadFrom(Path.of(dir));
    for (FocusProperties.AgencyConfig a : props.agencies()) {
      if (a.connector() != null
          && a.connector().mapping() != null
          && registry.system(a.connector().mapping()).isEmpty()) {
        throw new IllegalStateException(
            "Agency "
                + a.id()
                + " names mapping "
                + a.connector().mapping()
                + ", which "
                + registry
                + " does not have");
      }
    }
    return new Mapping(registry, validator);
  }
}
