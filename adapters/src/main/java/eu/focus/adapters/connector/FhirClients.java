package eu.focus.adapters.connector;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClients;

/**
 * FHIR R4 clients for the FHIR connector types.
 *
 * <p>One {@link FhirContext} serves the whole JVM ({@link FhirContext#forR4Cached()}): building it
 * scans the model and takes seconds. Each connector still gets its own client factory, because the
 * context's default factory is shared and its timeouts would then be the last connector's.
 */
public final class FhirClients {

  private FhirClients() {}

  /** The JVM-wide R4 context. */
  public static FhirContext context() {
    return FhirContext.forR4Cached();
  }

  /**
   * A client for one server.
   *
   * @param serverUrl the server's base URL
   * @param timeoutMillis connect and read timeout of one HTTP request
   * @param bearerToken a token sent as {@code Authorization: Bearer}, or blank for none
   */
  public static IGenericClient client(String serverUrl, int timeoutMillis, String bearerToken) {
    ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(context());
    // No capability-statement fetch before the first call: it would be a second, unguarded request.
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    RequestConfig config =
        RequestConfig.custom()
            .setConnectTimeout(timeoutMillis)
            .setConnectionRequestTimeout(timeoutMillis)
            .setSocketTimeout(timeoutMillis)
            .build();
    // Retries belong to the gateway's durable outbox: the HTTP client must never repeat a request.
    factory.setHttpClient(
        HttpClients.custom()
            .setDefaultRequestConfig(config)
            .disableAutomaticRetries()
            .disableCookieManagement()
            .useSystemProperties()
            .build());
    IGenericClient client = factory.newGenericClient(serverUrl);
    if (bearerToken != null && !bearerToken.isBlank()) {
      client.registerInterceptor(new BearerTokenAuthInterceptor(bearerToken));
    }
    return client;
  }
}
