package eu.focus.gateway.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview: what each page is for. Phase 2 adds the log status here. */
@Controller
@ConditionalOnConsole
public class ConsoleHomeController {

  @GetMapping("/console")
  String home() {
    return "console/home";
  }
}
