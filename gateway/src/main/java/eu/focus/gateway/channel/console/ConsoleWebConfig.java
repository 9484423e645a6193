package eu.focus.gateway.channel.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The console's language: the browser's Accept-Language until the user picks one with {@code
 * ?lang=}, which the session then remembers. Texts come from the {@code messages} bundle.
 */
@Configuration
@ConditionalOnConsole
public class ConsoleWebConfig implements WebMvcConfigurer {

  /** Replaces Boot's Accept-Language-only resolver, which cannot remember a choice. */
  @Bean
  LocaleResolver localeResolver() {
    // no default locale: without a choice in the session, Accept-Language decides
    return new SessionLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    lang.setIgnoreInvalidLocale(true);
    registry.addInterceptor(lang).addPathPatterns("/console/**");
  }
}
