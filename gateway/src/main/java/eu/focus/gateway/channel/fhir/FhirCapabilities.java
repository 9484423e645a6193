package eu.focus.gateway.channel.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * Completes the CapabilityStatement HAPI derives from the providers (interactions, search
 * parameters, operations): the Focus profile each resource type must conform to, and how callers
 * authenticate.
 */
@Interceptor
public class FhirCapabilities {

  private final Map<String, String> profiles;

  /**
   * @param profiles canonical URL of the required profile, by resource type
   */
  public FhirCapabilities(Map<String, String> profiles) {
    this.profiles = Map.copyOf(profiles);
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void complete(IBaseConformance generated) {
    CapabilityStatement cs = (CapabilityStatement) generated;
    cs.getSoftware().setName("Focus Gateway");
    cs.getImplementation()
        .setDescription("Focus Gateway FHIR channel: assessment records and consents, contract v1");
    for (CapabilityStatementRestComponent rest : cs.getRest()) {
      CodeableConcept oauth = new CodeableConcept();
      oauth
          .addCoding()
          .setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
          .setCode("OAuth");
      rest.getSecurity()
          .setCors(false)
          .setDescription(
              "OAuth2 bearer token (JWT) naming the calling agency: Authorization: Bearer <token>."
                  + " Only GET /metadata is public; $validate takes any valid token.")
          .addService(oauth);
      for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
        String profile = profiles.get(resource.getType());
        if (profile != null) {
          resource.addSupportedProfile(profile);
        }
      }
    }
  }
}
