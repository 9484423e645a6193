package eu.focus.gateway.console;

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
    this.byName =
        properties.users().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    ConsoleProperties.User::username, Function.identity()));
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
