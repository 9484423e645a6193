package eu.focus.contract;

/** The documents of contract v1, each with its JSON Schema file. */
public enum ContractDocument {
  /** What an agency sends to share an assessment. */
  SUBMISSION("submission.schema.json"),
  /** The individual assessment record itself. */
  RECORD("assessment-record.schema.json"),
  /** A consent to optional sharing. */
  CONSENT("consent.schema.json"),
  /** What a recipient agency receives. */
  DELIVERY_MESSAGE("delivery-message.schema.json");

  private final String fileName;

  ContractDocument(String fileName) {
    this.fileName = fileName;
  }

  /** The schema's file name, e.g. {@code submission.schema.json}. */
  public String fileName() {
    return fileName;
  }

  /** The schema's {@code $id}. */
  public String id() {
    return ContractSchemas.BASE_ID + fileName;
  }

  /** The schema's classpath resource path. */
  public String resourcePath() {
    return ContractSchemas.RESOURCE_DIR + fileName;
  }
}
