package eu.focus.gateway.channel.console;

import eu.focus.gateway.security.Caller;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in console user: a Spring Security user that also knows the agency it acts for. */
public class ConsoleUser extends User {

  private static final long serialVersionUID = 1L;

  private final String agency;

  ConsoleUser(
      String username,
      String passwordHash,
      String agency,
      Collection<? extends GrantedAuthority> authorities) {
    super(username, passwordHash, authorities);
    this.agency = agency == null || agency.isBlank() ? null : agency;
  }

  /** The same person as the API's {@link Caller}, so audit entries read alike from both. */
  public Caller caller() {
    Set<String> roles =
        getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
            .collect(Collectors.toUnmodifiableSet());
    return new Caller(agency, getUsername(), roles);
  }
}
