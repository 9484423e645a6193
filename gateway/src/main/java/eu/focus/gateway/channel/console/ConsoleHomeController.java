package eu.focus.gateway.channel.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview: what each page is for (the log status has its own page, {@link
 * ConsoleLogController}).
 */
@Controller
@ConditionalOnConsole
public class ConsoleHomeController {

  @GetMapping("/console")
  String home() {
    return "console/home";
  }
}
