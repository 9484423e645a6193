package eu.focus.gateway.channel.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.stereotype.Component;

/** {@code focus.console.enabled=false} takes the whole console away, sign-in included. */
class ConsoleSwitchTest {

  @Test
  void everyConsoleBeanFollowsTheSwitch() {
    classes()
        .that()
        .resideInAPackage("eu.focus.gateway.channel.console")
        .and()
        .areMetaAnnotatedWith(Component.class)
        .should()
        .beAnnotatedWith(ConditionalOnConsole.class)
        .because("an operator who disables the console expects no page and no sign-in left over")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("eu.focus.gateway.channel.console"));
  }

  @Test
  void disabledMeansNoPagesAndNoSignIn() {
    new ApplicationContextRunner()
        .withPropertyValues("focus.console.enabled=false")
        .withUserConfiguration(
            ConsoleSecurityConfig.class,
            ConsoleWebConfig.class,
            ConsoleHomeController.class,
            ConsoleSearchController.class,
            ConsoleEntryController.class,
            ConsoleSignInController.class,
            ConsoleAudit.class,
            ConsoleModel.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeanNamesForType(ConsoleSecurityConfig.class)).isEmpty();
              assertThat(context.getBeanNamesForType(ConsoleSearchController.class)).isEmpty();
              assertThat(context.getBeanNamesForType(ConsoleAudit.class)).isEmpty();
              assertThat(context.containsBean("localeResolver")).isFalse();
            });
  }
}
