package eu.focus.gateway.channel.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form (Spring Security handles its POST) and the page shown to a signed-in user
 * without the AUDITOR role.
 */
@Controller
@ConditionalOnConsole
public class ConsoleSignInController {

  /**
   * Spring Security sends a failed sign-in back with {@code ?error}, a sign-out with {@code
   * ?logout}.
   */
  @GetMapping("/console/login")
  String signIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout,
      Model model) {
    model.addAttribute("failed", error != null);
    model.addAttribute("signedOut", logout != null);
    return "console/login";
  }

  /** Forwarded to by the console chain's access-denied handling, whatever the method. */
  @RequestMapping("/console/denied")
  String denied(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "console/denied";
  }
}
