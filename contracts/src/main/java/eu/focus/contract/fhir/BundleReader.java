package eu.focus.contract.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads a Bundle that came from outside: finds entries by type, resolves references within the
 * Bundle, checks codes against the contract's code lists, and records every problem with its
 * location instead of failing on the first.
 */
final class BundleReader {

  /** The resource types the FHIR form of the contract uses. */
  private static final Set<String> KNOWN_TYPES =
      Set.of(
          "MessageHeader",
          "Patient",
          "RelatedPerson",
          "ClinicalImpression",
          "Observation",
          "CarePlan",
          "PractitionerRole",
          "Practitioner",
          "Organization",
          "Provenance");

  private final FocusTerminology terminology;
  private final Problems problems;
  private final List<Resource> resources = new ArrayList<>();
  private final Map<String, Resource> byUrl = new HashMap<>();
  private final Map<Resource, String> locations = new IdentityHashMap<>();

  BundleReader(Bundle bundle, FocusTerminology terminology, Problems problems) {
    this.terminology = terminology;
    this.problems = problems;
    if (bundle.getType() != Bundle.BundleType.COLLECTION) {
      problems.add("Bundle.type", "must be 'collection'");
    }
    List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      Bundle.BundleEntryComponent entry = entries.get(i);
      String location = "Bundle.entry[" + i + "].resource";
      Resource resource = entry.getResource();
      if (resource == null) {
        problems.add(location, "entry without a resource");
        continue;
      }
      String type = resource.fhirType();
      if (!KNOWN_TYPES.contains(type)) {
        problems.add(location, "resource type " + type + " has no place in a Focus assessment");
        continue;
      }
      resources.add(resource);
      locations.put(resource, location);
      if (entry.hasFullUrl()) {
        byUrl.put(entry.getFullUrl(), resource);
      }
      if (resource.getIdElement().hasIdPart()) {
        byUrl.put(type + "/" + resource.getIdElement().getIdPart(), resource);
      }
    }
  }

  /** A reader with no entries, for checking the codes of a resource outside a Bundle (Consent). */
  static BundleReader codesOnly(FocusTerminology terminology, Problems problems) {
    return new BundleReader(
        new Bundle().setType(Bundle.BundleType.COLLECTION), terminology, problems);
  }

  FocusTerminology terminology() {
    return terminology;
  }

  Problems problems() {
    return problems;
  }

  /** Every entry of a type, in Bundle order. */
  <T extends Resource> List<T> all(Class<T> type) {
    List<T> result = new ArrayList<>();
    for (Resource resource : resources) {
      if (type.isInstance(resource)) {
        result.add(type.cast(resource));
      }
    }
    return result;
  }

  /** The one entry of a type; a problem if there is none (when required) or more than one. */
  <T extends Resource> T one(Class<T> type, boolean required, String what) {
    List<T> found = all(type);
    if (found.isEmpty()) {
      if (required) {
        problems.add("Bundle.entry", "no " + type.getSimpleName() + " (" + what + ")");
      }
      return null;
    }
    if (found.size() > 1) {
      problems.add(
          location(found.get(1)), "more than one " + type.getSimpleName() + " (" + what + ")");
    }
    return found.get(0);
  }

  String location(Resource resource) {
    String location = locations.get(resource);
    return location == null ? resource.fhirType() : location;
  }

  /** The entry a reference points to, checked for its type; null (with a problem) otherwise. */
  <T extends Resource> T resolve(Reference reference, Class<T> type, String location) {
    if (reference == null || !reference.hasReference()) {
      return null;
    }
    Resource target = byUrl.get(reference.getReference());
    if (target == null) {
      problems.add(location, "'" + reference.getReference() + "' is not an entry of the Bundle");
      return null;
    }
    if (!type.isInstance(target)) {
      problems.add(
          location, "must reference a " + type.getSimpleName() + ", not a " + target.fhirType());
      return null;
    }
    return type.cast(target);
  }

  /** The agency id of a referenced Organization, or null. */
  String agencyId(Reference reference, String location) {
    Organization org = resolve(reference, Organization.class, location);
    if (org == null) {
      return null;
    }
    String id = identifier(org.getIdentifier(), FhirNames.SID_AGENCY);
    if (id == null) {
      problems.add(location(org), "agency without an identifier in " + FhirNames.SID_AGENCY);
    }
    return id;
  }

  /** The country of a referenced agency, if its Organization has an address. */
  String agencyCountry(Reference reference) {
    Resource target = reference == null ? null : byUrl.get(reference.getReference());
    if (target instanceof Organization org && org.hasAddress()) {
      return org.getAddressFirstRep().getCountry();
    }
    return null;
  }

  /** The value of the first identifier of a system, or null. */
  static String identifier(List<Identifier> identifiers, String system) {
    for (Identifier identifier : identifiers) {
      if (system.equals(identifier.getSystem()) && identifier.hasValue()) {
        return identifier.getValue();
      }
    }
    return null;
  }

  /** The code of a coding of a code list or enum, checked for system and membership. */
  String code(String listId, Coding coding, String location) {
    if (coding == null || coding.isEmpty()) {
      return null;
    }
    String code = coding.getCode();
    if (code == null) {
      problems.add(location, "coding without a code");
      return null;
    }
    String expected = terminology.system(listId, code);
    if (!expected.equals(coding.getSystem())) {
      problems.add(
          location,
          "code '" + code + "' must be in system " + expected + ", not " + coding.getSystem());
    } else if (!terminology.contains(listId, code)) {
      problems.add(location, "unknown code '" + code + "' (code list " + listId + ")");
    }
    return code;
  }

  /** The code of the one coding of a CodeableConcept from a code list or enum. */
  String code(String listId, CodeableConcept concept, String location) {
    if (concept == null || concept.isEmpty()) {
      return null;
    }
    for (Coding coding : concept.getCoding()) {
      if (coding.hasCode()
          && terminology.system(listId, coding.getCode()).equals(coding.getSystem())) {
        return code(listId, coding, location + ".coding");
      }
    }
    return code(listId, concept.getCodingFirstRep(), location + ".coding[0]");
  }

  /** The code of a code-valued extension (valueCode), checked for membership. */
  String code(String listId, Type value, String location) {
    String code = Values.str(value);
    if (code != null && !terminology.contains(listId, code)) {
      problems.add(location, "unknown code '" + code + "' (code list " + listId + ")");
    }
    return code;
  }
}
