package eu.focus.demo.simulator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR R4 server standing in for a national FHIR system: a real HAPI FHIR plain server ({@link
 * RestfulServer}) on embedded Tomcat, keeping resources in memory.
 *
 * <p>Every R4 resource type stored once (and the usual ones from the start) can be created, read
 * and searched by {@code _lastUpdated} and {@code _tag} (results sorted by {@code _lastUpdated},
 * paged with {@code next} links); a {@code transaction} or {@code batch} Bundle stores each POST or
 * PUT entry under its own type. {@link #stop()} simulates an outage and {@link #start()} brings it
 * back on the same port with the same content. What connectors posted is kept in {@link
 * #received()}; what the national system "publishes" for polling is added with {@link
 * #publish(String)}.
 *
 * <p>Just over 400 lines: the server and its in-memory providers are one test fixture, used whole.
 */
public class FhirServerSimulator implements AutoCloseable {

  /**
   * One request that posted something: a create or a transaction/batch.
   *
   * @param interaction {@code create}, {@code transaction} or {@code batch}
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @param authorization the {@code Authorization} header, or null (kept in memory for tests only)
   * @param resourceJson what was posted
   */
  public record Received(
      String interaction, String idempotencyKey, String authorization, String resourceJson) {}

  private final FhirContext fhir = FhirContext.forR4Cached();
  private final int pageSize;
  private final Map<String, Map<String, Resource>> store = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  // Types with a create/read/search provider: the usual ones from the start, and any other type
  // as soon as a transaction or publish() stores one (scanning all 140-odd R4 types up front
  // costs seconds at every start).
  private final Set<String> providerTypes =
      new ConcurrentSkipListSet<>(
          List.of(
              "Bundle",
              "Patient",
              "RelatedPerson",
              "Practitioner",
              "PractitionerRole",
              "Organization",
              "Composition",
              "Observation",
              "Condition",
              "Consent",
              "Provenance",
              "DocumentReference",
              "QuestionnaireResponse",
              "Flag",
              "CarePlan",
              "ServiceRequest",
              "Task",
              "Communication",
              "EpisodeOfCare",
              "Encounter",
              "AuditEvent",
              "Basic"));
  private volatile RestfulServer servlet;
  private long lastStamp;
  private int port;
  private Tomcat tomcat;

  /** A simulator on a free port with pages of 20. */
  public FhirServerSimulator() {
    this(0, 20);
  }

  /**
   * @param port the port, 0 for a free one (kept across restarts)
   * @param pageSize search results per page
   */
  public FhirServerSimulator(int port, int pageSize) {
    this.port = port;
    this.pageSize = pageSize;
  }

  /** Starts the server, or restarts it on the same port after {@link #stop()}. */
  public synchronized void start() {
    if (tomcat != null) {
      return;
    }
    try {
      Path base = Files.createTempDirectory("fhir-simulator");
      Tomcat t = new Tomcat();
      t.setBaseDir(base.toString());
      Connector connector = new Connector();
      connector.setPort(port);
      connector.setProperty("address", "127.0.0.1");
      t.setConnector(connector);
      Context context = t.addContext("", base.toString());
      Tomcat.addServlet(context, "fhir", newServlet());
      context.addServletMappingDecoded("/fhir/*", "fhir");
      t.start();
      port = connector.getLocalPort();
      tomcat = t;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException("FHIR simulator did not start", e);
    }
  }

  /** Stops the server (an outage); the stored resources stay for the next {@link #start()}. */
  public synchronized void stop() {
    if (tomcat == null) {
      return;
    }
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("FHIR simulator did not stop", e);
    } finally {
      tomcat = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The FHIR base URL, e.g. {@code http://127.0.0.1:8091/fhir}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  /** Everything connectors posted, oldest first. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The current version of every stored resource of one type, as JSON, oldest update first. */
  public List<String> stored(String resourceType) {
    return sorted(store.getOrDefault(resourceType, Map.of()).values()).stream()
        .map(r -> fhir.newJsonParser().encodeResourceToString(r))
        .toList();
  }

  /**
   * Stores a resource as if the national system had written it (new id unless it has one, next
   * version, {@code lastUpdated} now), for a poller to find.
   *
   * @return its versioned id, e.g. {@code Bundle/7/_history/1}
   */
  public String publish(String resourceJson) {
    Resource resource = (Resource) fhir.newJsonParser().parseResource(resourceJson);
    String id = resource.getIdElement().getIdPart();
    return save(resource, id).getIdElement().getValue();
  }

  private synchronized Resource save(Resource resource, String requestedId) {
    String type = resource.fhirType();
    if (providerTypes.add(type) && servlet != null) {
      servlet.registerProvider(
          new InMemoryProvider(fhir.getResourceDefinition(type).getImplementingClass()));
    }
    Map<String, Resource> ofType = store.computeIfAbsent(type, k -> new ConcurrentHashMap<>());
    String id = requestedId != null ? requestedId : String.valueOf(ids.incrementAndGet());
    Resource previous = ofType.get(id);
    int version =
        previous == null ? 1 : Integer.parseInt(previous.getIdElement().getVersionIdPart()) + 1;
    // strictly increasing, so a poller's "_lastUpdated=gt<cursor>" never skips a resource
    lastStamp = Math.max(System.currentTimeMillis(), lastStamp + 1);
    Resource copy = resource.copy();
    copy.setId(new IdType(type, id, String.valueOf(version)));
    copy.getMeta().setVersionId(String.valueOf(version));
    copy.getMeta().setLastUpdated(new Date(lastStamp));
    ofType.put(id, copy);
    return copy.copy();
  }

  private static List<Resource> sorted(Collection<Resource> resources) {
    List<Resource> list = new ArrayList<>(resources);
    list.sort(Comparator.comparing(r -> r.getMeta().getLastUpdated()));
    return list;
  }

  private RestfulServer newServlet() {
    RestfulServer server = new RestfulServer(fhir);
    List<IResourceProvider> providers = new ArrayList<>();
    for (String type : fhir.getResourceTypes()) {
      providers.add(new InMemoryProvider(fhir.getResourceDefinition(type).getImplementingClass()));
    }
    server.setResourceProviders(providers);
    server.registerProvider(new TransactionProvider());
    FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
    paging.setDefaultPageSize(pageSize);
    paging.setMaximumPageSize(pageSize);
    server.setPagingProvider(paging);
    return server;
  }

  private static String idempotencyKey(RequestDetails request) {
    return header(request, "Idempotency-Key");
  }

  private static String header(RequestDetails request, String name) {
    return request == null ? null : request.getHeader(name);
  }

  /** Create, read and search for one resource type. */
  public class InMemoryProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;

    InMemoryProvider(Class<? extends IBaseResource> type) {
      this.type = type;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return type;
    }

    @Create
    public MethodOutcome create(@ResourceParam IBaseResource resource, RequestDetails request) {
      received.add(
          new Received(
              "create",
              idempotencyKey(request),
              header(request, "Authorization"),
              fhir.newJsonParser().encodeResourceToString(resource)));
      Resource saved = save((Resource) resource, null);
      return new MethodOutcome(saved.getIdElement(), true).setResource(saved);
    }

    @Read
    public IBaseResource read(@IdParam IdType id) {
      Resource found = store.getOrDefault(fhir.getResourceType(type), Map.of()).get(id.getIdPart());
      if (found == null) {
        throw new ResourceNotFoundException(id);
      }
      return found.copy();
    }

    @Search
    public List<IBaseResource> search(
        @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
        @OptionalParam(name = "_tag") TokenAndListParam tags) {
      List<IBaseResource> hits = new ArrayList<>();
      for (Resource r : sorted(store.getOrDefault(fhir.getResourceType(type), Map.of()).values())) {
        if (inRange(r.getMeta().getLastUpdated(), lastUpdated) && hasTags(r, tags)) {
          hits.add(r.copy());
        }
      }
      return hits;
    }
  }

  private static boolean inRange(Date updated, DateRangeParam range) {
    if (range == null) {
      return true;
    }
    return matches(updated, range.getLowerBound()) && matches(updated, range.getUpperBound());
  }

  private static boolean matches(Date updated, DateParam bound) {
    if (bound == null || bound.getValue() == null) {
      return true;
    }
    Date value = bound.getValue();
    ParamPrefixEnum prefix = bound.getPrefix() == null ? ParamPrefixEnum.EQUAL : bound.getPrefix();
    return switch (prefix) {
      case GREATERTHAN, STARTS_AFTER -> updated.after(value);
      case GREATERTHAN_OR_EQUALS -> !updated.before(value);
      case LESSTHAN, ENDS_BEFORE -> updated.before(value);
      case LESSTHAN_OR_EQUALS -> !updated.after(value);
      default -> updated.equals(value);
    };
  }

  private static boolean hasTags(Resource r, TokenAndListParam tags) {
    if (tags == null) {
      return true;
    }
    for (TokenOrListParam anyOf : tags.getValuesAsQueryTokens()) {
      boolean one = false;
      for (TokenParam token : anyOf.getValuesAsQueryTokens()) {
        for (Coding tag : r.getMeta().getTag()) {
          boolean systemOk = token.getSystem() == null || token.getSystem().equals(tag.getSystem());
          if (systemOk && token.getValue() != null && token.getValue().equals(tag.getCode())) {
            one = true;
          }
        }
      }
      if (!one) {
        return false;
      }
    }
    return true;
  }

  /** Transaction and batch: stores each POST or PUT entry under its own type. */
  public class TransactionProvider {

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails request) {
      received.add(
          new Received(
              bundle.getType().toCode(),
              idempotencyKey(request),
              header(request, "Authorization"),
              fhir.newJsonParser().encodeResourceToString(bundle)));
      Bundle response = new Bundle();
      response.setType(
          bundle.getType() == Bundle.BundleType.BATCH
              ? Bundle.BundleType.BATCHRESPONSE
              : Bundle.BundleType.TRANSACTIONRESPONSE);
      // first give every entry its id, then point urn:uuid references at them, then store
      Map<Bundle.BundleEntryComponent, String> assigned = new LinkedHashMap<>();
      Map<String, String> byFullUrl = new HashMap<>();
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        Bundle.HTTPVerb method = entry.getRequest().getMethod();
        if (entry.getResource() == null
            || (method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT)) {
          throw new InvalidRequestException("The simulator stores POST and PUT entries only");
        }
        String id =
            method == Bundle.HTTPVerb.PUT
                ? new IdType(entry.getRequest().getUrl()).getIdPart()
                : String.valueOf(FhirServerSimulator.this.ids.incrementAndGet());
        assigned.put(entry, id);
        if (entry.hasFullUrl()) {
          byFullUrl.put(entry.getFullUrl(), entry.getResource().fhirType() + "/" + id);
        }
      }
      Map<Bundle.BundleEntryComponent, String> ids = new LinkedHashMap<>();
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        for (Reference ref :
            fhir.newTerser()
                .getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
          if (ref.hasReference() && byFullUrl.containsKey(ref.getReference())) {
            ref.setReference(byFullUrl.get(ref.getReference()));
          }
        }
        Resource saved = save(entry.getResource(), assigned.get(entry));
        ids.put(entry, saved.getIdElement().getValue());
      }
      ids.forEach(
          (entry, id) ->
              response
                  .addEntry()
                  .getResponse()
                  .setStatus(
                      entry.getRequest().getMethod() == Bundle.HTTPVerb.POST
                          ? "201 Created"
                          : "200 OK")
                  .setLocation(id));
      return response;
    }
  }
}
