package eu.focus.demo.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.Bus;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * A CXF servlet for one {@link Bus} on an embedded Tomcat at {@code 127.0.0.1:<port>}: every CXF
 * endpoint of that bus published with a relative address ({@code /path}) is served at {@code
 * http://127.0.0.1:<port>/path}.
 *
 * <p>This is what the Spring Boot application does under {@code /services}; outside it (the
 * simulators, route tests) this class stands in, since the BOMs bring no CXF Jetty transport for
 * absolute addresses. It can be stopped and started again on the same port, to simulate an outage.
 */
public class CxfServletServer implements AutoCloseable {

  private final Bus bus;
  private int port;
  private Tomcat tomcat;

  /**
   * @param bus the bus whose relative-address endpoints are served
   * @param port the port, or 0 for a free one (kept for later restarts)
   */
  public CxfServletServer(Bus bus, int port) {
    this.bus = bus;
    this.port = port;
  }

  /** Starts listening, or listens again on the same port after {@link #stop()}. */
  public synchronized void start() {
    if (tomcat != null) {
      Connector connector = tomcat.getConnector();
      if (!connector.getState().isAvailable()) {
        try {
          connector.setPort(port);
          connector.start();
        } catch (LifecycleException e) {
          throw new IllegalStateException("Cannot listen again on port " + port, e);
        }
      }
      return;
    }
    try {
      Path base = Files.createTempDirectory("focus-cxf-server");
      Tomcat server = new Tomcat();
      server.setBaseDir(base.toString());
      server.setHostname("127.0.0.1");
      server.setPort(port);
      server.getConnector().setProperty("address", "127.0.0.1");
      // release the port on stop(), so that connections are refused until start()
      server.getConnector().setProperty("bindOnInit", "false");
      Context context = server.addContext("", base.toString());
      CXFNonSpringServlet servlet = new CXFNonSpringServlet();
      servlet.setBus(bus);
      Tomcat.addServlet(context, "cxf", servlet).setLoadOnStartup(1);
      context.addServletMappingDecoded("/*", "cxf");
      server.start();
      port = server.getConnector().getLocalPort();
      tomcat = server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException("Cannot start the CXF servlet server on port " + port, e);
    }
  }

  /**
   * Stops listening: connections are refused until {@link #start()}. The CXF servlet stays, since
   * destroying it would release the bus's endpoints.
   */
  public synchronized void stop() {
    if (tomcat == null) {
      return;
    }
    try {
      tomcat.getConnector().stop();
    } catch (LifecycleException e) {
      throw new IllegalStateException("Cannot stop listening on port " + port, e);
    }
  }

  /** Shuts the server down for good. */
  @Override
  public synchronized void close() {
    if (tomcat == null) {
      return;
    }
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("Cannot stop the CXF servlet server", e);
    } finally {
      tomcat = null;
    }
  }

  /** The port, known once started. */
  public int port() {
    return port;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8095}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }
}
