package eu.focus.adapters.inbound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link NationalInbox} for route tests: records what it got and answers as told. */
class AnsweringInbox implements NationalInbox {

  record Received(String systemId, String messageId, String payload) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Receipt> answer = r -> new Receipt("EX-" + count(), false);

  @Override
  public Receipt receive(String systemId, String messageId, String payload) {
    Received r = new Received(systemId, messageId, payload);
    received.add(r);
    return answer.apply(r);
  }

  /** From now on, answer with this (throw to refuse or fail). */
  void answer(Function<Received, Receipt> answer) {
    this.answer = answer;
  }

  private int count() {
    return received.size();
  }
}
