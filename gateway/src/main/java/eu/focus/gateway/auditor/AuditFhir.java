package eu.focus.gateway.auditor;

import eu.focus.contract.fhir.FhirNames;
import eu.focus.contract.fhir.FocusTerminology;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Audit entries as FHIR R4 AuditEvents conforming to the contracts' FocusAuditEvent profile, shaped
 * after IHE Basic Audit Log Patterns (BALP): the gateway as source observer; the acting agency and
 * person as the requesting agent and, for disclosures, the recipient as a destination agent; the
 * child (by pseudonym) as the patient entity; the record version with its sensitivity classes as
 * security labels; the consent relied on as an entity of its own, so a decision and the consent it
 * rests on travel together. Disclosures are DICOM 110106 Export, reads (including break-the-glass)
 * are BALP RESTful reads, routing and consent decisions are Patient Record events, reading the log
 * is 110101 Audit Log Used, and security events are 110114 User Authentication / 110113 Security
 * Alert / 110100 Application Activity. The Focus action name is always a subtype, so nothing of the
 * entry is lost.
 */
@Component
public class AuditFhir {

  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  static final String REST = "http://hl7.org/fhir/restful-interaction";
  static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
  static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
  static final String AGENT_TYPE = "http://terminology.hl7.org/CodeSystem/extra-security-role-type";
  static final String ACTION_SYSTEM = FhirNames.CS + "audit-action";
  static final String SID_AUDIT_ENTRY = FhirNames.SID + "audit-entry";
  static final String SID_PERSON = FhirNames.SID + "person";
  static final String GATEWAY = "focus-gateway";

  /** Loaded on the first export, not at start-up: most processes never export. */
  private FocusTerminology terminology;

  private synchronized FocusTerminology terminology() {
    if (terminology == null) {
      terminology = FocusTerminology.load();
    }
    return terminology;
  }

  /** The entries as one {@code collection} Bundle, in log order. */
  public Bundle bundle(List<AuditEntry> entries, Date exportedAt) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestamp(exportedAt);
    for (AuditEntry e : entries) {
      bundle.addEntry().setFullUrl("urn:uuid:" + e.entryId()).setResource(event(e));
    }
    return bundle;
  }

  public AuditEvent event(AuditEntry e) {
    AuditEvent ae = new AuditEvent();
    ae.setId(e.entryId());
    ae.getMeta().addProfile(FhirNames.sd("FocusAuditEvent"));
    ae.getMeta().addSecurity(FhirNames.CONFIDENTIALITY, "V", null);
    Category category = Category.of(e.action());
    ae.setType(category.type);
    if (category.subtype != null) {
      ae.addSubtype(category.subtype);
    }
    ae.addSubtype(new Coding(ACTION_SYSTEM, e.action().name(), null));
    ae.setAction(AuditEvent.AuditEventAction.fromCode(e.action().fhirAction()));
    ae.setRecorded(Date.from(e.occurredAt()));
    ae.setOutcome(outcome(e.outcome()));
    if (e.reason() != null) {
      ae.setOutcomeDesc(e.reason());
    }
    if (e.purpose() != null) {
      ae.addPurposeOfEvent(purpose(e.purpose()));
    }
    agents(ae, e);
    ae.getSource()
        .setSite(GATEWAY)
        .setObserver(new Reference().setIdentifier(agency(GATEWAY)))
        .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));
    entities(ae, e);
    return ae;
  }

  private void agents(AuditEvent ae, AuditEntry e) {
    AuditEventAgentComponent actor = ae.addAgent().setRequestor(true);
    if (e.actorAgency() != null) {
      actor.setWho(new Reference().setIdentifier(agency(e.actorAgency())));
    } else if (e.action() == AuditAction.CONFIGURATION_LOADED) {
      actor.setWho(new Reference().setIdentifier(agency(GATEWAY)));
    } else {
      actor.setName(e.actorRole() == null ? "unauthenticated" : e.actorRole());
    }
    if (e.actorPerson() != null) {
      actor.setType(new CodeableConcept(new Coding(AGENT_TYPE, "humanuser", "human user")));
      actor.setAltId(e.actorPerson());
    } else if (e.action() == AuditAction.DISCLOSED) {
      actor.setType(new CodeableConcept(new Coding(DCM, "110153", "Source Role ID")));
    }
    if (e.actorRole() != null && e.actorPerson() != null) {
      actor.addRole(new CodeableConcept().setText(e.actorRole()));
    }
    if (e.recipientAgency() != null && !e.recipientAgency().equals(e.actorAgency())) {
      ae.addAgent()
          .setRequestor(false)
          .setType(new CodeableConcept(new Coding(DCM, "110152", "Destination Role ID")))
          .setWho(new Reference().setIdentifier(agency(e.recipientAgency())));
    }
  }

  private void entities(AuditEvent ae, AuditEntry e) {
    if (e.subjectPseudonym() != null) {
      ae.addEntity()
          .setWhat(
              new Reference()
                  .setIdentifier(
                      new Identifier()
                          .setSystem(FhirNames.SID_SUBJECT_PSEUDONYM)
                          .setValue(e.subjectPseudonym())))
          .setType(new Coding(ENTITY_TYPE, "1", "Person"))
          .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
    }
    if (e.recordId() != null) {
      AuditEventEntityComponent record =
          ae.addEntity()
              .setWhat(
                  new Reference()
                      .setIdentifier(
                          new Identifier().setSystem(FhirNames.SID_RECORD).setValue(e.recordId())))
              .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
              .setRole(new Coding(OBJECT_ROLE, "3", "Report"));
      List<String> classes = AuditorService.classes(e.classes());
      if (classes != null) {
        for (String cls : classes) {
          String code = cls.replace("(summary)", "");
          if (terminology().contains("sensitivity-class", code)) {
            record.addSecurityLabel(terminology().coding("sensitivity-class", code));
          }
        }
        detail(record, "classes", e.classes());
      }
      detail(record, "version", e.recordVersion() == null ? null : e.recordVersion().toString());
      detail(record, "legalBasis", e.legalBasis());
      detail(record, "sourceCountry", e.sourceCountry());
      detail(record, "destinationCountry", e.destinationCountry());
      detail(record, "transferBasis", e.transferBasis());
    }
    if (e.consentId() != null) {
      ae.addEntity()
          .setWhat(
              new Reference()
                  .setIdentifier(
                      new Identifier().setSystem(FhirNames.SID_CONSENT).setValue(e.consentId())))
          .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
          .setRole(new Coding(OBJECT_ROLE, "13", "Security Resource"));
    }
    if (e.refersTo() != null) {
      ae.addEntity()
          .setWhat(
              new Reference()
                  .setIdentifier(
                      new Identifier().setSystem(SID_AUDIT_ENTRY).setValue(e.refersTo())))
          .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
          .setRole(new Coding(OBJECT_ROLE, "13", "Security Resource"));
    }
    if (e.action() == AuditAction.AUDIT_SEARCHED || e.action() == AuditAction.AUDIT_EXPORTED) {
      // BALP query pattern: the query itself, base64, as an entity
      ae.addEntity()
          .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
          .setRole(new Coding(OBJECT_ROLE, "24", "Query"))
          .setQuery((e.reason() == null ? "" : e.reason()).getBytes(StandardCharsets.UTF_8));
    }
    if (ae.getEntity().isEmpty()) {
      // security and configuration events concern the gateway itself
      ae.addEntity()
          .setWhat(new Reference().setIdentifier(agency(GATEWAY)))
          .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
          .setRole(new Coding(OBJECT_ROLE, "13", "Security Resource"))
          .setDescription(e.reason());
    }
  }

  private static void detail(AuditEventEntityComponent entity, String type, String value) {
    if (value != null) {
      entity.addDetail().setType(type).setValue(new org.hl7.fhir.r4.model.StringType(value));
    }
  }

  private CodeableConcept purpose(String purpose) {
    CodeableConcept concept = new CodeableConcept();
    if (terminology().contains("purpose-of-use", purpose)) {
      concept.addCoding(terminology().coding("purpose-of-use", purpose));
      String system = terminology().system("purpose-of-use", purpose);
      if (!FhirNames.ACT_REASON.equals(system)) {
        terminology()
            .codeLists()
            .entry("purpose-of-use", purpose)
            .map(n -> n.path("v3").asText(null))
            .ifPresent(v3 -> concept.addCoding(new Coding(FhirNames.ACT_REASON, v3, null)));
      }
    } else {
      concept.setText(purpose);
    }
    return concept;
  }

  private static Identifier agency(String id) {
    return new Identifier().setSystem(FhirNames.SID_AGENCY).setValue(id);
  }

  /** FHIR outcome: 0 success (and permit), 4 minor failure (a refusal), 8 serious failure. */
  static AuditEventOutcome outcome(String outcome) {
    return switch (outcome) {
      case "SUCCESS", "PERMIT" -> AuditEventOutcome._0;
      case "DENY" -> AuditEventOutcome._4;
      default -> AuditEventOutcome._8;
    };
  }

  /** The event type and the standard subtype for each action. */
  private enum Category {
    IMPORT(new Coding(DCM, "110107", "Import"), new Coding(REST, "create", "create")),
    RECORD(new Coding(DCM, "110110", "Patient Record"), new Coding(REST, "update", "update")),
    /** Content removed by erasure or retention: DICOM's Patient Record event covers deletion. */
    DESTROY(new Coding(DCM, "110110", "Patient Record"), new Coding(REST, "delete", "delete")),
    EXPORT(new Coding(DCM, "110106", "Export"), null),
    READ(new Coding(EVENT_TYPE, "rest", "RESTful Operation"), new Coding(REST, "read", "read")),
    LOG_USED(new Coding(DCM, "110101", "Audit Log Used"), null),
    AUTHENTICATION(
        new Coding(DCM, "110114", "User Authentication"), new Coding(DCM, "110127", "Login")),
    SECURITY_ALERT(new Coding(DCM, "110113", "Security Alert"), null),
    APPLICATION(
        new Coding(DCM, "110100", "Application Activity"),
        new Coding(DCM, "110120", "Application Start")),
    /** A scheduled job of the gateway itself (a retention pass). */
    JOB(new Coding(DCM, "110100", "Application Activity"), null);

    final Coding type;
    final Coding subtype;

    Category(Coding type, Coding subtype) {
      this.type = type;
      this.subtype = subtype;
    }

    static Category of(AuditAction action) {
      return switch (action) {
        case COLLECTED, REJECTED -> IMPORT;
        case ALTERED, DECIDED, CONSENT_GRANTED, CONSENT_WITHDRAWN -> RECORD;
        case DISCLOSED, DELIVERY_FAILED, DEAD_LETTERED, REPLAYED, CANCELLED -> EXPORT;
        case CONSULTED, BREAK_GLASS -> READ;
        case AUDIT_SEARCHED, AUDIT_EXPORTED, BREAK_GLASS_REVIEWED -> LOG_USED;
        case AUTH_FAILED -> AUTHENTICATION;
        case ACCESS_DENIED -> SECURITY_ALERT;
        case CONFIGURATION_LOADED -> APPLICATION;
        case ERASED, RETENTION_APPLIED -> DESTROY;
        case RETENTION_RUN -> JOB;
      };
    }
  }
}
