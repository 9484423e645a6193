package eu.focus.gateway.policy;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The policy's answer for one recipient: permit or deny, the rule that decided, why, and (when
 * permitted) the resolved access per sensitivity class and any handling flags to attach.
 */
public record Decision(
    String recipient,
    boolean permitted,
    String rule,
    String reason,
    SortedMap<String, Access> classes,
    List<String> handlingFlags) {

  public static Decision deny(String recipient, String rule, String reason) {
    return new Decision(recipient, false, rule, reason, new TreeMap<>(), List.of());
  }

  public static Decision permit(
      String recipient,
      String rule,
      String reason,
      Map<String, Access> classes,
      List<String> flags) {
    return new Decision(recipient, true, rule, reason, new TreeMap<>(classes), List.copyOf(flags));
  }

  /** Classes the recipient gets, summary ones marked: {@code S1,S2,S4(summary)}. */
  public String disclosedClasses() {
    return classes.entrySet().stream()
        .filter(e -> e.getValue() != Access.NONE)
        .map(e -> e.getValue() == Access.SUMMARY ? e.getKey() + "(summary)" : e.getKey())
        .collect(Collectors.joining(","));
  }

  public List<String> disclosed() {
    return classes.entrySet().stream()
        .filter(e -> e.getValue() != Access.NONE)
        .map(Map.Entry::getKey)
        .toList();
  }

  public List<String> summarised() {
    return classes.entrySet().stream()
        .filter(e -> e.getValue() == Access.SUMMARY)
        .map(Map.Entry::getKey)
        .toList();
  }

  public List<String> withheld() {
    return classes.entrySet().stream()
        .filter(e -> e.getValue() == Access.NONE)
        .map(Map.Entry::getKey)
        .toList();
  }
}
