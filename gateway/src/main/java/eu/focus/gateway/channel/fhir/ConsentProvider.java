package eu.focus.gateway.channel.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import eu.focus.contract.fhir.ContractFhir;
import eu.focus.gateway.consent.ConsentService;
import eu.focus.gateway.security.CallerArgumentResolver;
import java.util.Date;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;

/**
 * Consents as FocusConsent resources: register ({@code POST /fhir/Consent}), read ({@code GET
 * /fhir/Consent/<id>}), withdraw ({@code POST /fhir/Consent/<id>/$withdraw}) and {@code $validate}.
 * Withdrawal is an operation rather than an update to {@code status = inactive}: it is one act with
 * consequences (pending deliveries cancelled, earlier recipients notified), not an edit of the
 * consent document, and the consent's other elements cannot be changed.
 */
public class ConsentProvider implements IResourceProvider {

  private final IncomingResources incoming;
  private final ContractFhir convert;
  private final ConsentService consents;

  public ConsentProvider(
      IncomingResources incoming, ContractFhir convert, ConsentService consents) {
    this.incoming = incoming;
    this.convert = convert;
    this.consents = consents;
  }

  @Override
  public Class<Consent> getResourceType() {
    return Consent.class;
  }

  /** 201 with {@code Location: Consent/<consentId>}; the body is the registered consent. */
  @Create
  public MethodOutcome register(@ResourceParam String body) {
    Consent given = incoming.require(body, Consent.class);
    var registered =
        consents.register(CallerArgumentResolver.current(), convert.fhirToConsent(given));
    return new MethodOutcome(new IdType("Consent", registered.consentId()), true)
        .setResource(toFhir(registered));
  }

  @Read
  public Consent read(@IdParam IdType id) {
    return toFhir(consents.read(CallerArgumentResolver.current(), id.getIdPart()));
  }

  /**
   * Withdraws the consent from now on. Answers Parameters {@code consentId}, {@code withdrawnAt},
   * {@code cancelledDeliveries}, {@code revocationNotices}: the REST withdrawal's fields.
   */
  @Operation(name = "$withdraw", idempotent = false)
  public Parameters withdraw(@IdParam IdType id) {
    ConsentService.Withdrawal w =
        consents.withdraw(CallerArgumentResolver.current(), id.getIdPart());
    Parameters p = new Parameters();
    p.addParameter("consentId", w.consentId());
    p.addParameter().setName("withdrawnAt").setValue(new InstantType(Date.from(w.withdrawnAt())));
    p.addParameter()
        .setName("cancelledDeliveries")
        .setValue(new IntegerType(w.cancelledDeliveries()));
    p.addParameter().setName("revocationNotices").setValue(new IntegerType(w.revocationNotices()));
    return p;
  }

  /** Type level ({@code /$validate}) or instance level ({@code /<id>/$validate}, id ignored). */
  @Validate
  public MethodOutcome validate(
      @ResourceParam String body, @IdParam(optional = true) IdType ignoredId) {
    var parsed = incoming.parse(body, Consent.class);
    return new MethodOutcome().setOperationOutcome(FhirOutcomes.validation(incoming.check(parsed)));
  }

  private Consent toFhir(eu.focus.gateway.consent.Consent consent) {
    Consent fhir = convert.consentToFhir(consent.content());
    fhir.setId(new IdType("Consent", consent.consentId()));
    return fhir;
  }
}
