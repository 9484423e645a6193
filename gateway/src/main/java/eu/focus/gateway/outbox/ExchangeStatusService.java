package eu.focus.gateway.outbox;

import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.record.ExchangeRow;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.security.Caller;
import org.springframework.stereotype.Service;

/** The sender's view of an exchange and its deliveries; nobody else sees it. */
@Service
public class ExchangeStatusService {

  private final RecordStore records;
  private final DeliveryStore deliveries;

  public ExchangeStatusService(RecordStore records, DeliveryStore deliveries) {
    this.records = records;
    this.deliveries = deliveries;
  }

  public ExchangeStatus status(Caller caller, String exchangeId) {
    ExchangeRow e =
        records
            .exchange(exchangeId)
            .filter(x -> x.sourceAgency().equals(caller.agencyId()))
            .orElseThrow(() -> ApiException.notFound("Exchange " + exchangeId));
    return ExchangeStatus.of(e, deliveries.forExchange(exchangeId));
  }
}
