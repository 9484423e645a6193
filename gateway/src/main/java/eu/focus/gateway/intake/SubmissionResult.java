package eu.focus.gateway.intake;

import java.util.List;

/** What the sender learns about its submission: one decision per recipient, with the rule. */
public record SubmissionResult(
    String exchangeId,
    String recordId,
    int version,
    String subjectPseudonym,
    List<RecipientDecision> decisions) {

  /**
   * The decision for one recipient, and its delivery when permitted. {@code classes} are the
   * sensitivity classes it receives; of those, {@code summaryClasses} only as a summary.
   */
  public record RecipientDecision(
      String recipient,
      String decision,
      String rule,
      String reason,
      String deliveryId,
      List<String> classes,
      List<String> summaryClasses,
      List<String> withheldClasses,
      List<String> handlingFlags) {}
}
