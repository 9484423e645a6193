package eu.focus.contract.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractSchemas;
import eu.focus.contract.ContractValidator;
import eu.focus.contract.fhir.ContractFhir;
import eu.focus.contract.fhir.ContractFhirValidation;
import eu.focus.contract.fhir.FocusTerminology;
import eu.focus.contract.xml.ContractXml;
import eu.focus.contract.xml.ContractXsd;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What each channel's translation costs per submission, single-threaded (so per core): the REST
 * channel's JSON Schema validation as the baseline, the SOAP channel's XML conversion both ways and
 * XSD validation, the FHIR channel's conversion both ways (with the JSON parser and writer) and its
 * profile validation, on the full record of example 01. Not a test: run by bench/contract-forms.sh,
 * results go to bench/README.md.
 */
public final class ContractFormsThroughput {

  private ContractFormsThroughput() {}

  public static void main(String[] args) throws IOException {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String only = args.length > 1 ? args[1] : ""; // e.g. "FHIR" to run only the FHIR cases
    JsonNode submission = example("01-ro-victim-sexual-abuse.submission.json");
    ContractValidator contract = ContractValidator.load();
    ContractXml xml = ContractXml.load();
    ContractXsd xsd = ContractXsd.load();
    FhirContext r4 = FhirContext.forR4Cached();
    FocusTerminology terminology = FocusTerminology.load();
    ContractFhir fhir = new ContractFhir(r4, terminology);
    ContractFhirValidation profiles = new ContractFhirValidation(r4, terminology);
    profiles.warmUp();

    String asXml = xml.toXml(ContractDocument.SUBMISSION, submission);
    String asFhir = r4.newJsonParser().encodeResourceToString(fhir.submissionToBundle(submission));
    Bundle bundle = fhir.submissionToBundle(submission);

    Map<String, Runnable> cases = new LinkedHashMap<>();
    cases.put(
        "REST  JSON Schema validation",
        () -> contract.validate(ContractDocument.SUBMISSION, submission));
    cases.put(
        "SOAP  contract JSON -> XML", () -> xml.toXml(ContractDocument.SUBMISSION, submission));
    cases.put("SOAP  XML -> contract JSON", () -> xml.fromXml(ContractDocument.SUBMISSION, asXml));
    cases.put("SOAP  XSD validation", () -> xsd.validate(asXml));
    cases.put(
        "FHIR  contract JSON -> Bundle JSON",
        () -> r4.newJsonParser().encodeResourceToString(fhir.submissionToBundle(submission)));
    cases.put(
        "FHIR  Bundle JSON -> contract JSON",
        () -> fhir.bundleToSubmission(r4.newJsonParser().parseResource(Bundle.class, asFhir)));
    cases.put("FHIR  profile validation (HAPI)", () -> profiles.validate(bundle));

    System.out.printf(
        Locale.ROOT,
        "example 01: JSON %d bytes, XML %d bytes, FHIR %d bytes%n",
        new ObjectMapper().writeValueAsString(submission).length(),
        asXml.length(),
        asFhir.length());
    for (Map.Entry<String, Runnable> c : cases.entrySet()) {
      if (!c.getKey().contains(only)) {
        continue;
      }
      run(c.getValue(), Math.max(2, seconds / 3)); // warm-up
      long start = System.nanoTime();
      long n = run(c.getValue(), seconds);
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%-38s %9.0f /s  %8.2f ms each (%d in %.1f s, one thread)%n",
          c.getKey(),
          n / elapsed,
          elapsed * 1000 / n,
          n,
          elapsed);
    }
  }

  private static long run(Runnable task, int seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long n = 0;
    while (System.nanoTime() < end) {
      task.run();
      n++;
    }
    return n;
  }

  private static JsonNode example(String file) throws IOException {
    String path = ContractSchemas.RESOURCE_DIR + "examples/" + file;
    try (InputStream in =
        ContractFormsThroughput.class.getClassLoader().getResourceAsStream(path)) {
      return new ObjectMapper().readTree(in);
    }
  }
}
