package eu.focus.gateway.channel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.focus.gateway.security.Caller;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class ConsoleUsersTest {

  private static ConsoleUsers users(ConsoleProperties.User... users) {
    return new ConsoleUsers(new ConsoleProperties(true, List.of(users), 25));
  }

  @Test
  void aSignedInUserActsAsTheSameCallerTheApiWouldRecord() {
    ConsoleUsers users =
        users(
            new ConsoleProperties.User(
                "m.ionescu", "{bcrypt}$2a$10$x", "ro-dpa", Set.of("AUDITOR")));
    ConsoleUser u = (ConsoleUser) users.loadUserByUsername("m.ionescu");
    assertThat(u.caller()).isEqualTo(new Caller("ro-dpa", "m.ionescu", Set.of("AUDITOR")));
    assertThat(u.caller().primaryRole()).isEqualTo("AUDITOR");
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThatThrownBy(() -> users().loadUserByUsername("nobody"))
        .isInstanceOf(UsernameNotFoundException.class);
  }

  @Test
  void refusesToStartWithAPasswordThatIsNotAHashWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                users(
                    new ConsoleProperties.User("a", "clear-text-secret", null, Set.of("AUDITOR"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be a hash")
        .hasMessageNotContaining("clear-text-secret");
  }
}
