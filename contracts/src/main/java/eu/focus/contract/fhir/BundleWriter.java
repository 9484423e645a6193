package eu.focus.contract.fhir;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A Bundle under construction. Resource ids are name-based UUIDs from a seed (the message or record
 * id) and the resource's role, so the same document always gives the same Bundle (golden files,
 * idempotent re-sends); entries are referenced by their {@code urn:uuid:} full URL. Agencies become
 * one Organization each, however often they are named.
 */
final class BundleWriter {

  /** Confidentiality codes from least to most confidential (HL7 v3 Confidentiality). */
  private static final List<String> CONFIDENTIALITY = List.of("U", "L", "M", "N", "R", "V");

  private final FocusTerminology terminology;
  private final String seed;
  private final Bundle bundle = new Bundle();
  private final Map<String, Organization> agencies = new LinkedHashMap<>();
  private String bundleConfidentiality = "N";

  BundleWriter(FocusTerminology terminology, String seed) {
    this.terminology = terminology;
    this.seed = seed == null ? UUID.randomUUID().toString() : seed;
    bundle.setId(uuid("bundle"));
    bundle.getMeta().addProfile(FhirNames.sd("FocusAssessmentBundle"));
    bundle.setType(Bundle.BundleType.COLLECTION);
  }

  FocusTerminology terminology() {
    return terminology;
  }

  Bundle bundle() {
    return bundle;
  }

  /**
   * Adds a resource under a role ({@code "patient"}, {@code "finding/2"}) with its Focus profile
   * (null for none) and the classes of the contract content it carries (for its confidentiality
   * label).
   */
  Reference add(Resource resource, String role, String profile, String... classes) {
    String id = uuid(role);
    resource.setId(id);
    if (profile != null) {
      resource.getMeta().addProfile(FhirNames.sd(profile));
    }
    String confidentiality = confidentiality(classes);
    resource.getMeta().addSecurity(new Coding(FhirNames.CONFIDENTIALITY, confidentiality, null));
    if (CONFIDENTIALITY.indexOf(confidentiality) > CONFIDENTIALITY.indexOf(bundleConfidentiality)) {
      bundleConfidentiality = confidentiality;
    }
    bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(resource);
    return new Reference("urn:uuid:" + id);
  }

  /** The Organization of an agency, created on first use; null for a null id. */
  Reference agency(String agencyId) {
    if (agencyId == null) {
      return null;
    }
    Organization org = agencies.get(agencyId);
    if (org == null) {
      org = new Organization();
      org.addIdentifier().setSystem(FhirNames.SID_AGENCY).setValue(agencyId);
      agencies.put(agencyId, org);
      add(org, "agency/" + agencyId, "FocusAgency", "S0");
    }
    return new Reference("urn:uuid:" + org.getIdElement().getIdPart());
  }

  /** The Organization of an agency with the country it is in. */
  Reference agency(String agencyId, String country) {
    Reference ref = agency(agencyId);
    if (ref != null && country != null) {
      agencies.get(agencyId).addAddress().setCountry(country);
    }
    return ref;
  }

  /** Labels the Bundle with the highest confidentiality of its entries; call last. */
  void finish() {
    bundle
        .getMeta()
        .getSecurity()
        .add(0, new Coding(FhirNames.CONFIDENTIALITY, bundleConfidentiality, null));
  }

  private String uuid(String role) {
    return UUID.nameUUIDFromBytes((seed + "|" + role).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The table of docs/domain.md: S0 N, S2 M, S1/S3/S4 R, S5-S8 V; a resource carrying several
   * classes gets the most confidential.
   */
  static String confidentiality(String... classes) {
    String result = "N";
    for (String cls : classes) {
      String c =
          switch (cls) {
            case "S0" -> "N";
            case "S2" -> "M";
            case "S1", "S3", "S4" -> "R";
            default -> "V";
          };
      if (CONFIDENTIALITY.indexOf(c) > CONFIDENTIALITY.indexOf(result)) {
        result = c;
      }
    }
    return result;
  }
}
