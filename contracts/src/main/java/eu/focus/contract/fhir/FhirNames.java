package eu.focus.contract.fhir;

/**
 * Canonical URLs of the FHIR form of contract v1: profiles and extensions (checked-in
 * StructureDefinitions), code systems and value sets (derived at run time), identifier systems.
 */
public final class FhirNames {

  /** Base of every Focus profile and extension. */
  public static final String SD = "https://focus-gateway.eu/fhir/StructureDefinition/";

  /** Base of every Focus code system, one per code list or schema enum. */
  public static final String CS = "https://focus-gateway.eu/fhir/CodeSystem/";

  /** Base of every Focus value set, one per code system, same id. */
  public static final String VS = "https://focus-gateway.eu/fhir/ValueSet/";

  /** Base of the Focus identifier systems. */
  public static final String SID = "https://focus-gateway.eu/fhir/sid/";

  public static final String SID_SUBJECT_PSEUDONYM = SID + "subject-pseudonym";
  public static final String SID_NATIONAL_IDENTIFIER = SID + "national-identifier";
  public static final String SID_GUARDIAN = SID + "guardian-id";
  public static final String SID_AGENCY = SID + "agency";

  /** Names every agency of a type (a consent recipient may be "every victim-support service"). */
  public static final String SID_AGENCY_TYPE = SID + "agency-type";

  public static final String SID_ASSESSMENT = SID + "assessment-id";
  public static final String SID_RECORD = SID + "record-id";

  /**
   * Identifies the subject of a record by the record's id (a consent names a record, not a person).
   */
  public static final String SID_RECORD_SUBJECT = SID + "record-subject";

  public static final String SID_MESSAGE = SID + "message-id";
  public static final String SID_CONSENT = SID + "consent-id";
  public static final String SID_SOURCE_RECORD = SID + "source-record-id";

  /**
   * The BCP-47 tag of a contract text, on the FHIR string holding its value. R4's own {@code
   * language} extension is allowed only on names, addresses and annotations.
   */
  public static final String EXT_LANGUAGE = SD + "text-language";

  public static final String EXT_NATIONALITY =
      "http://hl7.org/fhir/StructureDefinition/patient-nationality";
  public static final String EXT_INTERPRETER =
      "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired";

  public static final String BCP47 = "urn:ietf:bcp:47";
  public static final String ISO3166 = "urn:iso:std:iso:3166";
  public static final String CONFIDENTIALITY =
      "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  public static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String PARTICIPATION_TYPE =
      "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  public static final String CONSENT_ACTION = "http://terminology.hl7.org/CodeSystem/consentaction";
  public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
  public static final String PROVENANCE_AGENT_TYPE =
      "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

  /** The code-list files' placeholder system for local codes; the FHIR form uses {@link #CS}. */
  static final String LOCAL_CODES = "urn:focus-gateway:codes";

  private FhirNames() {}

  /** The canonical URL of a Focus profile or extension. */
  public static String sd(String name) {
    return SD + name;
  }

  /** The canonical URL of a Focus code system. */
  public static String cs(String id) {
    return CS + id;
  }

  /** The canonical URL of a Focus value set. */
  public static String vs(String id) {
    return VS + id;
  }
}
