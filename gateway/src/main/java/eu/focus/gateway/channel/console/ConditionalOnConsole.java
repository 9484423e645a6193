package eu.focus.gateway.channel.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks every console bean, so {@code focus.console.enabled=false} removes the pages and their
 * sign-in altogether (then {@code /console} falls to the API chain, which refuses it).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(
    prefix = "focus.console",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public @interface ConditionalOnConsole {}
