package eu.focus.gateway.channel.console;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The auditor console's settings ({@code focus.console.*}, see docs/configuration.md).
 *
 * @param enabled whether the console and its sign-in exist in this process
 * @param users who may sign in; production puts an OIDC provider in front instead
 * @param pageSize rows per page of search results
 */
@ConfigurationProperties(prefix = "focus.console")
public record ConsoleProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue List<User> users,
    @DefaultValue("25") int pageSize) {

  /**
   * One console user.
   *
   * @param username the sign-in name, recorded as the acting person in audit entries
   * @param password the password hash in Spring's delegating format, e.g. {@code {bcrypt}$2a$10$…}
   * @param agency the organisation the user acts for (recorded in audit entries); may be empty
   * @param roles AUDITOR to enter the console; other roles sign in but are refused
   */
  public record User(
      String username, String password, String agency, @DefaultValue Set<String> roles) {}
}
