package eu.focus.adapters.connector;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Posts one FHIR R4 JSON resource to a server: a {@code transaction} or {@code batch} Bundle to the
 * server base, anything else as a create. Used by {@link FhirConnectorTemplate}, one per connector.
 *
 * <p>The {@value ConnectorHeaders#IDEMPOTENCY_KEY} header goes out as {@code Idempotency-Key} on
 * that one request ({@code withAdditionalHeader}): a client-wide interceptor would need per-call
 * state, and the call runs on the circuit breaker's thread, not the caller's.
 *
 * <p>Failures carry the HTTP status and the OperationOutcome's issue codes, never the payload or
 * the server's free-text diagnostics (which may echo personal data).
 */
public class FhirSender implements Processor {

  /** Header set after a create: the new resource's id as the server gave it. */
  public static final String CREATED_ID = "FocusFhirCreatedId";

  private static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final IGenericClient client;

  public FhirSender(String serverUrl, int timeoutMillis, String bearerToken) {
    this.client = FhirClients.client(serverUrl, timeoutMillis, bearerToken);
  }

  @Override
  public void process(Exchange exchange) {
    String body = exchange.getIn().getBody(String.class);
    String key = exchange.getIn().getHeader(ConnectorHeaders.IDEMPOTENCY_KEY, String.class);
    IBaseResource resource;
    try {
      if (body == null || body.isBlank()) {
        throw new DataFormatException("empty body");
      }
      resource = FhirClients.context().newJsonParser().parseResource(body);
    } catch (DataFormatException e) {
      // the parser's message may quote the content: not kept
      throw new IllegalArgumentException("The message is not a FHIR R4 JSON resource");
    }
    try {
      if (resource instanceof Bundle bundle
          && (bundle.getType() == Bundle.BundleType.TRANSACTION
              || bundle.getType() == Bundle.BundleType.BATCH)) {
        Bundle response =
            client
                .transaction()
                .withBundle(bundle)
                .withAdditionalHeader(IDEMPOTENCY_HEADER, key)
                .execute();
        checkBatchEntries(bundle.getType(), response);
      } else {
        var outcome =
            client
                .create()
                .resource(resource)
                .withAdditionalHeader(IDEMPOTENCY_HEADER, key)
                .execute();
        if (outcome.getId() != null) {
          exchange
              .getIn()
              .setHeader(CREATED_ID, outcome.getId().toUnqualifiedVersionless().getValue());
        }
      }
    } catch (BaseServerResponseException e) {
      throw new FhirDeliveryException(
          "FHIR server answered " + e.getStatusCode() + issueCodes(e.getOperationOutcome()), e);
    }
  }

  /** A batch answers 200 even when entries failed: each failed entry fails the delivery. */
  private static void checkBatchEntries(Bundle.BundleType type, Bundle response) {
    if (type != Bundle.BundleType.BATCH) {
      return;
    }
    List<String> failed = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : response.getEntry()) {
      String status = entry.getResponse().getStatus();
      if (status == null || !status.trim().startsWith("2")) {
        failed.add(String.valueOf(status));
      }
    }
    if (!failed.isEmpty()) {
      throw new FhirDeliveryException("FHIR batch entries failed: " + failed, null);
    }
  }

  private static String issueCodes(Object outcome) {
    if (!(outcome instanceof OperationOutcome oo) || oo.getIssue().isEmpty()) {
      return "";
    }
    List<String> codes = new ArrayList<>();
    oo.getIssue().forEach(i -> codes.add(i.getSeverity() + "/" + i.getCode()));
    return " " + codes;
  }

  /** The server refused or failed the request. */
  public static class FhirDeliveryException extends RuntimeException {
    public FhirDeliveryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
