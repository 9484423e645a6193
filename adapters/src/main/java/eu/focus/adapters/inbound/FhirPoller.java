package eu.focus.adapters.inbound;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import eu.focus.adapters.connector.FhirClients;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state and FHIR calls of one {@link FhirPollTemplate} route: searches the server for what
 * changed since the cursor, following {@code next} links, and moves the cursor past each resource
 * once it was handed over (or refused).
 *
 * <p>The cursor lives in memory only: after a restart the poll starts again from {@code since} (or
 * from the beginning), and the gateway's inbox drops what it had already taken in, by message id.
 * Log lines carry message ids and counts, never resource content.
 */
public class FhirPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FhirPoller.class);

  /** Exchange property holding the handed-over resource's {@code meta.lastUpdated}. */
  static final String LAST_UPDATED = "FocusFhirLastUpdated";

  /** One resource found by the search. */
  public record Found(String messageId, String json, Date lastUpdated) {}

  private final String systemId;
  private final IGenericClient client;
  private final String resourceType;
  private final Map<String, List<String>> searchParams;
  private volatile Date cursor;

  public FhirPoller(
      String systemId,
      String serverUrl,
      int timeoutMillis,
      String bearerToken,
      String resourceType,
      String searchParams,
      String since) {
    this.systemId = systemId;
    this.client = FhirClients.client(serverUrl, timeoutMillis, bearerToken);
    this.resourceType = resourceType;
    this.searchParams = parse(searchParams);
    this.cursor = since == null || since.isBlank() ? null : new InstantType(since).getValue();
  }

  /** Parses {@code a=1&b=x|y} (values may be percent-encoded) into search parameters. */
  static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query == null || query.isBlank()) {
      return params;
    }
    for (String pair : query.split("&")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("searchParams: not name=value: " + pair);
      }
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  /** Everything updated after the cursor, oldest first, across all result pages. */
  public List<Found> search() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    searchParams.forEach((k, v) -> params.put(k, new ArrayList<>(v)));
    Date from = cursor;
    if (from != null) {
      params
          .computeIfAbsent("_lastUpdated", k -> new ArrayList<>())
          .add("gt" + new InstantType(from).getValueAsString());
    }
    params.put("_sort", List.of("_lastUpdated"));
    List<Found> found = new ArrayList<>();
    Bundle page =
        client
            .search()
            .forResource(resourceType)
            .whereMap(params)
            .returnBundle(Bundle.class)
            .execute();
    while (true) {
      for (Bundle.BundleEntryComponent entry : page.getEntry()) {
        boolean match =
            !entry.hasSearch() || entry.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE;
        if (entry.getResource() != null && match) {
          found.add(toFound(entry.getResource()));
        }
      }
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      page = client.loadPage().next(page).execute();
    }
    if (!found.isEmpty()) {
      LOG.info("FHIR poll of {}: {} new or updated {}", systemId, found.size(), resourceType);
    }
    return found;
  }

  private Found toFound(Resource r) {
    Date updated = r.getMeta().getLastUpdated();
    String version = r.getMeta().getVersionId();
    if (version == null) {
      version = r.getIdElement().getVersionIdPart();
    }
    if (version == null && updated != null) {
      version = String.valueOf(updated.getTime());
    }
    String messageId = r.fhirType() + "/" + r.getIdElement().getIdPart() + "/_history/" + version;
    String json = FhirClients.context().newJsonParser().encodeResourceToString(r);
    return new Found(messageId, json, updated);
  }

  /** Turns one split {@link Found} into the message the inbox takes. */
  public void prepare(Exchange exchange) {
    Found found = exchange.getIn().getBody(Found.class);
    exchange.getIn().setBody(found.json());
    exchange.getIn().setHeader(InboundHeaders.MESSAGE_ID, found.messageId());
    exchange.setProperty(LAST_UPDATED, found.lastUpdated());
  }

  /** The gateway refused the resource: log its id and the code; the poll moves on. */
  public void refused(Exchange exchange) {
    Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    String code = e instanceof InboxRejectedException r ? r.code() : "UNKNOWN";
    LOG.warn(
        "FHIR poll of {}: the gateway refused {} ({})",
        systemId,
        exchange.getIn().getHeader(InboundHeaders.MESSAGE_ID),
        code);
  }

  /** The resource was dealt with: the next search starts after it. */
  public void advance(Exchange exchange) {
    Date updated = exchange.getProperty(LAST_UPDATED, Date.class);
    if (updated != null && (cursor == null || updated.after(cursor))) {
      cursor = updated;
    }
  }

  /** The {@code meta.lastUpdated} of the last resource dealt with, or null. */
  public Date cursor() {
    return cursor;
  }
}
