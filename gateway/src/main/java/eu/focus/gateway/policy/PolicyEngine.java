package eu.focus.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.contract.CodeLists;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.config.FocusProperties;
import eu.focus.gateway.consent.Consent;
import eu.focus.gateway.consent.ConsentRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides, per recipient, whether a record may go there and which sensitivity classes it may see.
 * Checks run in a fixed order and the first that refuses names itself in the decision:
 *
 * <ol>
 *   <li>{@code HR-SUSPECT-NOT-TO-VICTIM-SIDE}: a suspect child's assessment never goes to victim
 *       support or the victim's side;
 *   <li>{@code HR-TRANSFER-BASIS}: a recipient outside the EU needs a recorded transfer basis (LED
 *       Art. 35-38, GDPR Chapter V);
 *   <li>{@code POL-NO-MATRIX-ROW}: the policy has no row for the recipient's agency type;
 *   <li>{@code POL-SUBJECT-SCOPE}: the row does not cover this category of child (probation takes
 *       suspects, victim support victims and witnesses);
 *   <li>consent, when the purpose or the legal basis needs one: {@code CONSENT-REQUIRED}, {@code
 *       CONSENT-NOT-FOUND}, {@code CONSENT-WITHDRAWN}, {@code CONSENT-EXPIRED}, {@code
 *       HR-CONFLICTED-GUARDIAN}, {@code CONSENT-RECIPIENT}, {@code CONSENT-PURPOSE}, {@code
 *       CONSENT-ACTION};
 *   <li>otherwise {@code POL-MATRIX} permits, with the matrix levels tightened by the sender's and
 *       the recipient's country, and CONSENT cells resolved by the consent's data scope.
 * </ol>
 *
 * A victim assessment sent in a criminal case to prosecution or court carries the {@code
 * HR-DEFENCE-DISCLOSURE} flag.
 */
@Component
public class PolicyEngine {

  /** What the engine needs to know about one prospective disclosure. */
  public record Request(
      Agency sender,
      Agency recipient,
      JsonNode record,
      String purpose,
      String legalBasis,
      String transferBasis,
      String consentRef,
      Optional<Consent> consent,
      Instant at) {}

  private final PolicyDocument policy;
  private final CodeLists codeLists;

  @Autowired
  public PolicyEngine(FocusProperties props, CodeLists codeLists) {
    this.codeLists = codeLists;
    try (InputStream in = props.policy().location().getInputStream()) {
      this.policy = PolicyDocument.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read policy " + props.policy().location(), e);
    }
  }

  public PolicyEngine(PolicyDocument policy, CodeLists codeLists) {
    this.policy = policy;
    this.codeLists = codeLists;
  }

  public String policyVersion() {
    return policy.version();
  }

  /** True when the purpose of use or the legal basis makes consent necessary. */
  public boolean requiresConsent(String purpose, String legalBasis) {
    return "CONSENT".equals(legalBasis)
        || codeLists
            .entry("purpose-of-use", purpose)
            .map(e -> e.path("requiresConsent").asBoolean(false))
            .orElse(false);
  }

  public Decision decide(Request r) {
    String to = r.recipient().id();
    SubjectCategory subject = SubjectCategory.of(r.record());
    String type = r.recipient().type();

    if (subject == SubjectCategory.SUSPECT && policy.victimSideTypes().contains(type)) {
      return Decision.deny(
          to,
          "HR-SUSPECT-NOT-TO-VICTIM-SIDE",
          "A suspect child's assessment never goes to victim support or the victim's side");
    }
    if (!isEu(r.recipient().country()) && isBlank(r.transferBasis())) {
      return Decision.deny(
          to,
          "HR-TRANSFER-BASIS",
          "Transfer to "
              + r.recipient().country()
              + " (outside the EU) needs a recorded transfer basis (legalBasis.transferBasis)");
    }
    Optional<PolicyDocument.RecipientKind> kind = policy.kindFor(type);
    if (kind.isEmpty()) {
      return Decision.deny(
          to, "POL-NO-MATRIX-ROW", "The policy lets no assessment go to agency type " + type);
    }
    if (!kind.get().subjects().contains(subject)) {
      return Decision.deny(
          to,
          "POL-SUBJECT-SCOPE",
          "Agency type "
              + type
              + " does not receive assessments of a "
              + subject.name().toLowerCase()
              + " child");
    }

    boolean consentNeeded = requiresConsent(r.purpose(), r.legalBasis());
    Optional<Consent> usable = Optional.empty();
    if (r.consentRef() != null || consentNeeded) {
      Optional<Decision> refusal = checkConsent(r, consentNeeded);
      if (refusal.isPresent()) {
        return refusal.get();
      }
      usable = r.consent();
    }

    Map<String, Access> classes = new LinkedHashMap<>();
    for (String cls : PolicyDocument.CONTENT_CLASSES) {
      Access a = kind.get().access(cls, subject);
      a = tighten(a, r.sender().country(), kind.get().name(), cls);
      a = tighten(a, r.recipient().country(), kind.get().name(), cls);
      if (a == Access.CONSENT) {
        a =
            usable.isPresent() && usable.get().dataScope().contains(cls)
                ? Access.FULL
                : Access.NONE;
      }
      classes.put(cls, a);
    }
    List<String> flags = new ArrayList<>();
    if (subject != SubjectCategory.SUSPECT
        && "CRIMINAL".equals(r.record().path("case").path("proceedingType").asText())
        && policy.defenceDisclosureTypes().contains(type)) {
      flags.add(policy.defenceDisclosureFlag());
    }
    String rule = usable.isPresent() ? "POL-MATRIX+CONSENT" : "POL-MATRIX";
    return Decision.permit(
        to,
        rule,
        "Permitted for " + kind.get().name() + " under policy " + policy.version(),
        classes,
        flags);
  }

  /** The reason codes an agency may declare to break the glass. */
  public Set<String> breakGlassReasons() {
    return policy.breakGlass().reasons();
  }

  /**
   * Emergency access for an agency the policy does not otherwise give the record ("break the
   * glass"). The hard rules still apply; a reader outside the EU is refused, since no transfer
   * basis can be recorded for a read; only the recipient kinds the policy's {@code breakGlass}
   * section names may, and only to the classes it names there, tightened by the countries as
   * always. First refusal names itself: {@code HR-SUSPECT-NOT-TO-VICTIM-SIDE}, {@code
   * HR-TRANSFER-BASIS}, {@code POL-NO-MATRIX-ROW}, {@code BTG-NOT-ALLOWED}; a permit is {@code
   * BTG-EMERGENCY}.
   */
  public Decision breakGlass(Agency author, Agency reader, JsonNode record) {
    String to = reader.id();
    SubjectCategory subject = SubjectCategory.of(record);
    if (subject == SubjectCategory.SUSPECT && policy.victimSideTypes().contains(reader.type())) {
      return Decision.deny(
          to,
          "HR-SUSPECT-NOT-TO-VICTIM-SIDE",
          "A suspect child's assessment never goes to victim support or the victim's side");
    }
    if (!isEu(reader.country())) {
      return Decision.deny(
          to,
          "HR-TRANSFER-BASIS",
          "An emergency read from "
              + reader.country()
              + " (outside the EU) has no recorded transfer basis; ask the authoring agency");
    }
    Optional<PolicyDocument.RecipientKind> kind = policy.kindFor(reader.type());
    if (kind.isEmpty()) {
      return Decision.deny(
          to, "POL-NO-MATRIX-ROW", "The policy lets no assessment go to " + reader.type());
    }
    Optional<Map<String, Access>> emergency = policy.breakGlass().classesFor(kind.get().name());
    if (emergency.isEmpty()) {
      return Decision.deny(
          to,
          "BTG-NOT-ALLOWED",
          "The policy does not let " + kind.get().name() + " break the glass");
    }
    Map<String, Access> classes = new LinkedHashMap<>();
    for (String cls : PolicyDocument.CONTENT_CLASSES) {
      Access a = emergency.get().getOrDefault(cls, Access.NONE);
      a = tighten(a, author.country(), kind.get().name(), cls);
      a = tighten(a, reader.country(), kind.get().name(), cls);
      classes.put(cls, a);
    }
    return Decision.permit(
        to,
        "BTG-EMERGENCY",
        "Emergency access for " + kind.get().name() + " under policy " + policy.version(),
        classes,
        List.of());
  }

  private Optional<Decision> checkConsent(Request r, boolean needed) {
    String to = r.recipient().id();
    if (r.consentRef() == null) {
      return Optional.of(
          Decision.deny(
              to,
              "CONSENT-REQUIRED",
              "Purpose " + r.purpose() + " needs the child's or guardian's consent (consentRef)"));
    }
    if (r.consent().isEmpty()
        || !r.consent().get().recordId().equals(r.record().path("recordId").asText())) {
      return Optional.of(
          Decision.deny(
              to, "CONSENT-NOT-FOUND", "No consent " + r.consentRef() + " for this record"));
    }
    Consent c = r.consent().get();
    if (Consent.WITHDRAWN.equals(c.status())) {
      return Optional.of(
          Decision.deny(to, "CONSENT-WITHDRAWN", "Consent " + c.consentId() + " was withdrawn"));
    }
    if (r.at().isBefore(c.validFrom()) || (c.validTo() != null && !r.at().isBefore(c.validTo()))) {
      return Optional.of(
          Decision.deny(
              to, "CONSENT-EXPIRED", "Consent " + c.consentId() + " is not valid at this time"));
    }
    if (ConsentRules.grantorIsConflicted(c, r.record())) {
      return Optional.of(
          Decision.deny(
              to,
              "HR-CONFLICTED-GUARDIAN",
              "Consent " + c.consentId() + " was given by a guardian with a conflict of interest"));
    }
    if (!c.coversRecipient(r.recipient().id(), r.recipient().type())) {
      return Optional.of(
          Decision.deny(
              to,
              "CONSENT-RECIPIENT",
              "Consent " + c.consentId() + " does not name this recipient"));
    }
    if (!c.coversPurpose(r.purpose())) {
      return Optional.of(
          Decision.deny(
              to,
              "CONSENT-PURPOSE",
              "Consent " + c.consentId() + " does not cover " + r.purpose()));
    }
    if (!c.allowsAction("disclose")) {
      return Optional.of(
          Decision.deny(
              to, "CONSENT-ACTION", "Consent " + c.consentId() + " does not allow disclosure"));
    }
    return Optional.empty();
  }

  private Access tighten(Access level, String country, String kind, String cls) {
    return policy.countryLevel(country, kind, cls).filter(level::allowsTightening).orElse(level);
  }

  private boolean isEu(String country) {
    return codeLists
        .entry("country", country)
        .map(e -> e.path("eu").asBoolean(false))
        .orElse(false);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
