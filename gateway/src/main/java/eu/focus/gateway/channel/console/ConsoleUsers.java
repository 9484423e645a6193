package eu.focus.gateway.channel.console;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The console's users, from {@code focus.console.users}. Not a Spring bean on purpose: only the
 * console's sign-in consults it, never the JWT API chain.
 */
class ConsoleUsers implements UserDetailsService {

  private final Map<String, ConsoleProperties.User> byName;

  ConsoleUsers(ConsoleProperties properties) {
    properties.users().forEach(ConsoleUsers::check);
    this.byName =
        properties.users().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    ConsoleProperties.User::username, Function.identity()));
  }

  /** Refuses to start with a user who could never sign in, or whose password is not a hash. */
  private static void check(ConsoleProperties.User u) {
    if (u.username() == null || u.username().isBlank()) {
      throw new IllegalStateException("focus.console.users: every user needs a username");
    }
    // {noop} would be a clear-text password under a hash's name
    if (u.password() == null
        || !u.password().matches("\\{[a-z0-9-]+}.+")
        || u.password().startsWith("{noop}")) {
      // the value is not echoed: it may be a clear-text password put there by mistake
      throw new IllegalStateException(
          "focus.console.users: the password of "
              + u.username()
              + " must be a hash such as {bcrypt}$2a$10$...");
    }
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    ConsoleProperties.User u = byName.get(username);
    if (u == null) {
      // DaoAuthenticationProvider turns this into the same "bad credentials" as a wrong password,
      // after hashing anyway, so a failed sign-in does not tell whether the user exists
      throw new UsernameNotFoundException("unknown user");
    }
    return new ConsoleUser(
        u.username(),
        u.password(),
        u.agency(),
        u.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
  }
}
