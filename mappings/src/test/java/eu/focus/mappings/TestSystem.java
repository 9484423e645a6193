package eu.focus.mappings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small JSON national system written to a directory at test time, the way an integrator would try
 * a new system: {@code xx-demo} maps {@code {"id", "rol", "nume", "prenume"}} to a minimal valid
 * submission. Tests replace single files to break it in one specific way.
 */
final class TestSystem {

  static final String ID = "xx-demo";

  static final String SYSTEM_YAML =
      """
      id: xx-demo
      name: Demo system written by a test
      country: RO
      language: ro
      agencyId: ro-police
      format: json
      mappingVersion: 2.1.0
      inbound: inbound.jsonata
      outbound: outbound.jsonata
      codeLists:
        - rol
      """;

  static final String INBOUND =
      """
      (
        $p := '/rol';
        {
          "messageId": id,
          "contractVersion": "1.0",
          "sourceCountry": $system.country,
          "sourceAgency": $system.agencyId,
          "recipients": ["ro-child-protection"],
          "purposeOfUse": "CHILD_PROTECTION",
          "legalBasis": { "basis": "LED_ART_8" },
          "sentAt": "2026-10-08T16:10:00+03:00",
          "record": {
            "recordId": id,
            "version": 1,
            "contractVersion": "1.0",
            "child": {
              "name": { "given": prenume, "family": nume },
              "birthDate": { "value": "2015", "precision": "YEAR" },
              "ageStatus": "ESTIMATED",
              "language": $system.language
            },
            "guardians": [],
            "case": {
              "caseRef": "DEMO-1",
              "jurisdiction": "RO",
              "proceedingType": "CRIMINAL",
              "stage": "INVESTIGATION",
              "childRoles": [{ "role": $toContract('rol', rol, $p), "period": { "start": "2026-10-01" } }]
            },
            "assessment": {
              "assessmentId": id,
              "status": "draft",
              "legalFramework": "NATIONAL",
              "trigger": "INITIAL",
              "findings": [],
              "childViews": { "howHeard": "NOT_HEARD", "notHeardReason": { "value": "încă nu", "lang": "ro" } }
            },
            "assessors": [{ "role": "LEAD", "profession": "OTHER", "agencyType": "POLICE" }],
            "provenance": {
              "authoringAgency": $system.agencyId,
              "authoringSystem": $system.name,
              "recordedAt": "2026-10-08T16:00:00+03:00",
              "mappingVersion": "whatever the mapping says"
            }
          }
        }
      )
      """;

  static final String OUTBOUND =
      """
      {
        "id": messageId,
        "rol": $toNational('rol', record.case.childRoles[0].role, '/record/case/childRoles/0/role'),
        "nume": record.child.name.family
      }
      """;

  static final String ROLES =
      """
      national,contract,note
      MARTOR,WITNESS,martor
      PARTE_VATAMATA,VICTIM,persoana vătămată
      PARTE_CIVILA,,"a civil claim, not a role"
      """;

  /** A payload the demo system maps without errors. */
  static final String PAYLOAD =
      """
      {"id": "0b6e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", "rol": "MARTOR", "nume": "Popa", "prenume": "Ana"}
      """;

  private final Map<String, String> files = new LinkedHashMap<>();

  TestSystem() {
    files.put("system.yaml", SYSTEM_YAML);
    files.put("inbound.jsonata", INBOUND);
    files.put("outbound.jsonata", OUTBOUND);
    files.put("codelists/rol.csv", ROLES);
  }

  /** Replaces (or with {@code null} removes) one file. */
  TestSystem with(String file, String content) {
    if (content == null) {
      files.remove(file);
    } else {
      files.put(file, content);
    }
    return this;
  }

  /** Writes the system as {@code <root>/<folder>/}; returns {@code root}. */
  Path writeTo(Path root, String folder) {
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = root.resolve(folder).resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  Path writeTo(Path root) {
    return writeTo(root, ID);
  }
}
