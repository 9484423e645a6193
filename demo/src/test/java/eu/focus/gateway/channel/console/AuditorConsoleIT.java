package eu.focus.gateway.channel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.audit.merkle.AuditLogService;
import eu.focus.gateway.support.GatewayIT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The auditor console in a real browser (headless Debian Chromium through Selenium): sign-in,
 * search by a child's pseudonym, an entry's detail with its inclusion proof, the log status and its
 * verification, a child's disclosure report, the exports, a keyboard-only flow, the language
 * switch. Each step leaves a screenshot in {@code target/console-screenshots/<database>/}. Without
 * Chromium the test is skipped, unless {@code FOCUS_REQUIRE_BROWSER=1} (CI), where it fails.
 */
class AuditorConsoleIT extends GatewayIT {

  private static final String AUDITOR = "auditor";
  private static final String AUDITOR_PASSWORD = "demo-auditor";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Autowired private AuditLogService logService;

  private static WebDriver browser;
  private static Path screenshots;

  @BeforeAll
  static void startBrowser() throws IOException {
    Path chromium = Path.of(env("FOCUS_CHROMIUM", "/usr/bin/chromium"));
    Path chromedriver = Path.of(env("FOCUS_CHROMEDRIVER", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
      String why =
          "No browser for the console test: "
              + chromium
              + " or "
              + chromedriver
              + " is missing (apt-get install -y chromium chromium-driver).";
      if ("1".equals(System.getenv("FOCUS_REQUIRE_BROWSER"))) {
        fail(why + " FOCUS_REQUIRE_BROWSER=1 requires it.");
      }
      Assumptions.abort(why + " Skipped; set FOCUS_REQUIRE_BROWSER=1 to fail instead.");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("focus-chromium"));
    // the browser asks for English first; the language test switches explicitly
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    screenshots =
        Path.of("target", "console-screenshots", System.getProperty("focus.it.database", "h2"));
    Files.createDirectories(screenshots);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.get(url("/console/login"));
    browser.manage().deleteAllCookies();
  }

  @Test
  void aFailedSignInDoesNotSayWhetherTheUserExists() {
    browser.get(url("/console/entries"));
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    long failedBefore = consoleSecurityEvents("AUTH_FAILED");

    signIn(AUDITOR, "not-the-password");
    String wrongPassword = browser.findElement(By.id("login-error")).getText();
    screenshot("01-sign-in-failed");
    signIn("nobody-" + UUID.randomUUID(), "not-the-password");
    String unknownUser = browser.findElement(By.id("login-error")).getText();

    assertThat(wrongPassword).isEqualTo(unknownUser).contains("Sign-in failed");
    assertThat(browser.findElement(By.id("login-error")).getAttribute("role")).isEqualTo("alert");
    assertThat(browser.findElement(By.id("username")).getAttribute("aria-describedby"))
        .isEqualTo("login-error");
    // both failures are security events (question 9), without the name that was typed
    assertThat(consoleSecurityEvents("AUTH_FAILED")).isEqualTo(failedBefore + 2);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'AUTH_FAILED'"
                        + " and (canonical like '%nobody-%' or actor_person is not null)"
                        + " and channel = 'CONSOLE'")
                .query(Long.class)
                .single())
        .isZero();
    browser.get(url("/console"));
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
  }

  @Test
  void auditorFindsAChildsEntriesByPseudonymAndOpensOne() {
    Submitted s = submit();
    signIn(AUDITOR, AUDITOR_PASSWORD);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
    assertThat(browser.getTitle()).startsWith("Overview");
    screenshot("02-overview");

    clickAndWait(browser.findElement(By.linkText("Search the log")));
    browser.findElement(By.id("subject")).sendKeys(s.pseudonym());
    browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("results-title")));
    screenshot("03-search-results");

    List<WebElement> rows = browser.findElements(By.cssSelector(".results tbody tr"));
    assertThat(rows).isNotEmpty();
    assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains(s.pseudonym()));
    assertThat(rows.get(0).getText()).contains("Collected", s.recordId(), "ro-police");
    assertThat(browser.findElement(By.cssSelector(".results caption")).getText())
        .isEqualTo("Audit entries, page 1 of 1");
    assertThat(browser.findElements(By.cssSelector(".results thead th[scope=col]"))).hasSize(9);
    // the search itself was logged before the results were shown, as the REST search is
    assertThat(consoleReads("subject_pseudonym", s.pseudonym()))
        .containsExactly("subject=" + s.pseudonym());

    rows.get(0).findElement(By.tagName("a")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("entryId")));
    screenshot("04-entry-detail");

    String collected = entryId(s.recordId(), "COLLECTED");
    assertThat(text("entryId")).isEqualTo(collected);
    assertThat(text("action")).isEqualTo("COLLECTED");
    assertThat(text("subjectPseudonym")).isEqualTo(s.pseudonym());
    assertThat(text("recordId")).isEqualTo(s.recordId());
    assertThat(text("actorAgency")).isEqualTo("ro-police");
    assertThat(browser.findElements(By.cssSelector("table.entry th[scope=row]"))).hasSize(23);
    assertThat(consoleReads("record_id", s.recordId())).contains("entry=" + collected);

    // the console's session is not an API credential
    browser.get(url("/api/v1/audit/entries?record=" + s.recordId()));
    assertThat(browser.getPageSource()).contains("unauthenticated").doesNotContain(collected);
  }

  @Test
  void badSearchInputIsExplainedNextToEachFieldAndNothingIsRead() {
    String subject = "psn-unknown-" + UUID.randomUUID();
    signIn(AUDITOR, AUDITOR_PASSWORD);
    browser.get(url("/console/entries?subject=" + subject + "&action=STOLEN&from=yesterday&to="));
    screenshot("05-search-errors");

    assertThat(browser.getTitle()).startsWith("Error");
    assertThat(browser.findElement(By.id("action-error")).getText())
        .isEqualTo("Choose an action from the list.");
    assertThat(browser.findElement(By.id("from-error")).getText()).contains("2026-11-29T10:00");
    assertThat(browser.findElement(By.id("from-error")).getAttribute("role")).isEqualTo("alert");
    assertThat(browser.findElement(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("from")).getAttribute("aria-describedby"))
        .contains("from-error");
    assertThat(browser.findElements(By.cssSelector(".error-summary li"))).hasSize(2);
    assertThat(browser.findElements(By.id("results-title"))).isEmpty();
    assertThat(consoleReads("subject_pseudonym", subject)).isEmpty();

    browser.get(url("/console/entries/" + UUID.randomUUID()));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("No such entry");
  }

  @Test
  void aKeyboardAloneSignsInSearchesAndOpensAnEntry() {
    Submitted s = submit();
    browser.get(url("/console/login"));

    // the skip link comes first, and focus is visible
    WebElement first = tab();
    assertThat(first.getAttribute("class")).isEqualTo("skip-link");
    assertThat(first.getCssValue("outline-style")).isEqualTo("solid");
    screenshot("06-keyboard-skip-link");

    tabTo(e -> "username".equals(e.getAttribute("id")), 10).sendKeys(AUDITOR);
    assertThat(tab().getAttribute("id")).isEqualTo("password");
    keys(AUDITOR_PASSWORD + Keys.ENTER);
    wait(ExpectedConditions.titleContains("Overview"));

    // skip the banner, then the first link of the page is the search page
    tab();
    keys(Keys.ENTER);
    WebElement search = tab();
    assertThat(search.getText()).isEqualTo("Search the log");
    keys(Keys.ENTER);
    wait(ExpectedConditions.presenceOfElementLocated(By.id("subject")));

    tabTo(e -> "subject".equals(e.getAttribute("id")), 20);
    keys(s.pseudonym() + Keys.ENTER);
    wait(ExpectedConditions.presenceOfElementLocated(By.id("results-title")));
    WebElement firstEntry = tabTo(e -> e.getText().startsWith("Entry "), 40);
    screenshot("07-keyboard-results");
    keys(Keys.ENTER);
    wait(ExpectedConditions.presenceOfElementLocated(By.id("entryId")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Audit entry");
    assertThat(text("subjectPseudonym")).isEqualTo(s.pseudonym());
    assertThat(firstEntry).isNotNull();
    screenshot("08-keyboard-entry");
  }

  @Test
  void theLanguageFollowsTheBrowserAndTheSwitch() throws Exception {
    HttpResponse<String> french =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/console/login")))
                    .header("Accept-Language", "fr-BE,fr;q=0.9,en;q=0.5")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(french.body()).contains("<html lang=\"fr\">", "Nom d’utilisateur");

    signIn(AUDITOR, AUDITOR_PASSWORD);
    browser.findElement(By.cssSelector("a[hreflang=fr]")).click();
    wait(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vue d’ensemble");
    screenshot("09-french-overview");

    // the choice sticks for the session
    browser.get(url("/console/entries"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Rechercher dans le journal d’audit");
    assertThat(browser.findElement(By.cssSelector("label[for=subject]")).getText())
        .isEqualTo("Enfant (pseudonyme)");
    screenshot("10-french-search");

    browser.findElement(By.cssSelector("a[hreflang=en]")).click();
    wait(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Search the audit log");
  }

  @Test
  void onlyAuditorsEnterAndTheApiTokenOpensNoConsolePage() {
    long deniedBefore = consoleSecurityEvents("ACCESS_DENIED");
    signIn("operator", "demo-operator");
    screenshot("11-operator-refused");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    assertThat(consoleSecurityEvents("ACCESS_DENIED")).isGreaterThan(deniedBefore);
    assertThat(browser.findElements(By.cssSelector("nav a"))).isEmpty();
    clickAndWait(browser.findElement(By.cssSelector(".sign-out button")));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .isEqualTo("You are signed out.");
    browser.get(url("/console"));
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");

    // the console has its own sign-in: a bearer token is not a console session
    Response withToken = get("/console/entries", roleToken("AUDITOR"));
    assertThat(withToken.status()).isEqualTo(302);
    // the sign-in form needs its CSRF token
    Response forged =
        postRaw(
            "/console/login",
            null,
            "application/x-www-form-urlencoded",
            "username=" + AUDITOR + "&password=" + AUDITOR_PASSWORD);
    assertThat(forged.status()).isEqualTo(403);
  }

  @Test
  void anEntrysProofIsVerifiedAgainstTheLatestSignedCheckpoint() {
    Submitted s = submit();
    String collected = entryId(s.recordId(), "COLLECTED");
    signIn(AUDITOR, AUDITOR_PASSWORD);
    browser.get(url("/console/entries/" + collected));
    // before a checkpoint covers it the page says so (or, if the scheduler signed one, verified)
    assertThat(text("proof-state")).matches("(Not yet in a signed checkpoint|Verified).*");
    screenshot("12-entry-proof-before-checkpoint");

    AuditLogService.CheckpointView checkpoint = logService.checkpointNow();
    browser.navigate().refresh();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("proof-leaf")));
    screenshot("13-entry-proof-verified");

    assertThat(text("proof-state")).startsWith("Verified");
    assertThat(browser.findElement(By.id("proof-state")).getAttribute("role")).isEqualTo("status");
    long leaf = Long.parseLong(text("proof-leaf"));
    long size = Long.parseLong(text("proof-size"));
    assertThat(size).isGreaterThanOrEqualTo(checkpoint.treeSize()).isGreaterThan(leaf);
    assertThat(leaf)
        .isEqualTo(
            jdbc.sql("select leaf_index from audit_leaf where entry_id = :e")
                .param("e", collected)
                .query(Long.class)
                .single());
    assertThat(text("proof-origin")).isEqualTo(checkpoint.note().lines().findFirst().orElseThrow());
    assertThat(browser.findElement(By.id("proof-time")).getAttribute("datetime")).isNotBlank();
    assertThat(browser.findElements(By.cssSelector(".proof-table th[scope=row]"))).hasSize(4);
  }

  @Test
  void theLogStatusShowsTheSignedCheckpointAndVerifiesTheLogOnRequest() {
    submit();
    AuditLogService.CheckpointView checkpoint = logService.checkpointNow();
    signIn(AUDITOR, AUDITOR_PASSWORD);
    browser.findElement(By.linkText("Log status")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("tree-size")));
    screenshot("14-log-status");

    assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText())
        .isEqualTo("Log status");
    assertThat(Long.parseLong(text("tree-size"))).isGreaterThanOrEqualTo(checkpoint.treeSize());
    assertThat(Long.parseLong(text("checkpoint-size")))
        .isGreaterThanOrEqualTo(checkpoint.treeSize());
    String note = text("checkpoint-note");
    assertThat(note.lines().findFirst()).contains(text("origin").lines().findFirst().orElseThrow());
    assertThat(note).contains("\u2014 ");
    assertThat(text("public-key")).isEqualTo(logService.status().publicKey());
    long before = consoleReadsWithReason("log verification");

    browser.findElement(By.id("verify")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("check-result")));
    screenshot("15-log-verified");

    WebElement result = browser.findElement(By.id("check-result"));
    assertThat(result.getText()).startsWith("The log is intact");
    assertThat(result.getAttribute("role")).isEqualTo("status");
    assertThat(text("last-result")).startsWith("The log is intact");
    assertThat(consoleReadsWithReason("log verification")).isEqualTo(before + 1);
  }

  @Test
  void aChildsReportListsTheDisclosureOfARecordTheTestSubmitted() {
    Submitted s = submit();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> entryIds(s.recordId(), "DISCLOSED").size(), n -> n >= 1);
    signIn(AUDITOR, AUDITOR_PASSWORD);
    clickAndWait(browser.findElement(By.linkText("Child\u2019s disclosure report")));
    browser.findElement(By.id("subject")).sendKeys(s.pseudonym());
    browser.findElement(By.cssSelector("form.report button[type=submit]")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("results-title")));
    screenshot("16-child-report");

    List<WebElement> rows = browser.findElements(By.cssSelector("table.disclosures tbody tr"));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(1);
    assertThat(rows.get(0).getText()).contains("Disclosed", s.recordId(), "version 1", "(RO)");
    assertThat(browser.findElement(By.cssSelector("table.disclosures caption")).getText())
        .contains(s.pseudonym());
    assertThat(browser.findElements(By.cssSelector("table.disclosures thead th[scope=col]")))
        .hasSize(8);
    String disclosed = entryIds(s.recordId(), "DISCLOSED").get(0);
    assertThat(rows.get(0).findElement(By.tagName("a")).getAttribute("href"))
        .endsWith("/console/entries/" + disclosed);
    assertThat(consoleReads("subject_pseudonym", s.pseudonym()))
        .containsExactly("child disclosure report");

    browser.get(url("/console/children?subject=not a pseudonym!"));
    screenshot("17-child-report-error");
    assertThat(browser.findElement(By.id("subject-error")).getAttribute("role")).isEqualTo("alert");
    assertThat(browser.findElements(By.id("results-title"))).isEmpty();
  }

  @Test
  void theSearchFiltersByPurposeAndOutcomeAndExportsWhatItShows() throws Exception {
    Submitted s = submit();
    signIn(AUDITOR, AUDITOR_PASSWORD);
    browser.get(url("/console/entries"));
    browser.findElement(By.id("subject")).sendKeys(s.pseudonym());
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("action")))
        .selectByValue("COLLECTED");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("outcome")))
        .selectByValue("SUCCESS");
    browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("export-csv")));
    screenshot("18-search-with-export");
    List<WebElement> rows = browser.findElements(By.cssSelector(".results tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains("Collected", s.recordId());

    // a purpose no entry has: nothing found, and no export buttons
    browser.get(url("/console/entries?subject=" + s.pseudonym() + "&purpose=NO_SUCH_PURPOSE"));
    assertThat(browser.findElement(By.id("results-title")).getText()).isEqualTo("No entries found");
    assertThat(browser.findElements(By.id("export-csv"))).isEmpty();
    browser.navigate().back();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("export-csv")));

    String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
    String csvHref = browser.findElement(By.id("export-csv")).getAttribute("href");
    HttpResponse<String> csv = fetch(csvHref, cookie);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains("audit-export.csv"));
    assertThat(csv.body().lines()).hasSize(2);
    assertThat(csv.body()).contains(entryId(s.recordId(), "COLLECTED"), s.pseudonym());

    HttpResponse<String> bundle =
        fetch(browser.findElement(By.id("export-fhir")).getAttribute("href"), cookie);
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(bundle.body()).path("resourceType").asText()).isEqualTo("Bundle");
    assertThat(JSON.readTree(bundle.body()).path("entry")).hasSize(1);

    // both exports were logged as the REST exports are, marked as the console's
    assertThat(
            jdbc.sql(
                    "select reason from audit_entry where action = 'AUDIT_EXPORTED'"
                        + " and channel = 'CONSOLE' and actor_person = :p and subject_pseudonym = :s"
                        + " order by seq")
                .param("p", AUDITOR)
                .param("s", s.pseudonym())
                .query(String.class)
                .list())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r).contains("1 entries", "outcome=SUCCESS"));
    // without the session the export is not served
    assertThat(fetch(csvHref, "JSESSIONID=none").statusCode()).isEqualTo(302);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private record Submitted(String recordId, String pseudonym) {}

  /**
   * A record submitted through the API about a child no other test uses (a fresh national
   * identifier, hence a fresh pseudonym), so searching by the pseudonym finds only this record.
   */
  private Submitted submit() {
    ObjectNode submission = freshSubmission("01");
    ObjectNode identifier = (ObjectNode) submission.at("/record/child/nationalIdentifiers/0");
    assertThat(identifier.isMissingNode()).isFalse();
    identifier.put("value", String.valueOf(5_000_000_000_000L + RANDOM.nextLong(999_999_999_999L)));
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), submission);
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    return new Submitted(
        submission.at("/record/recordId").asText(), r.json().path("subjectPseudonym").asText());
  }

  /** AUTH_FAILED or ACCESS_DENIED entries written by the console so far. */
  private long consoleSecurityEvents(String action) {
    return jdbc.sql("select count(*) from audit_entry where action = :a and channel = 'CONSOLE'")
        .param("a", action)
        .query(Long.class)
        .single();
  }

  private void signIn(String user, String password) {
    browser.get(url("/console/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    // Home, or the sign-in page again with an error: whichever, it has loaded.
    clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
  }

  /**
   * Clicks something that leads to another page and waits until the old page is gone: a look for
   * the next page's elements right after the click raced the navigation (a sign-in on a busy
   * machine was followed by a search for a link still on the sign-in page).
   */
  private static void clickAndWait(WebElement element) {
    element.click();
    wait(ExpectedConditions.stalenessOf(element));
  }

  /** The reasons of the console's AUDIT_SEARCHED entries by the auditor with this column value. */
  private List<String> consoleReads(String column, String value) {
    return jdbc.sql(
            "select reason from audit_entry where action = 'AUDIT_SEARCHED' and channel = 'CONSOLE'"
                + " and actor_person = :person and "
                + column
                + " = :value order by seq")
        .param("person", AUDITOR)
        .param("value", value)
        .query(String.class)
        .list();
  }

  private String entryId(String recordId, String action) {
    return jdbc.sql(
            "select entry_id from audit_entry where record_id = :r and action = :a order by seq")
        .param("r", recordId)
        .param("a", action)
        .query(String.class)
        .list()
        .get(0);
  }

  private List<String> entryIds(String recordId, String action) {
    return jdbc.sql(
            "select entry_id from audit_entry where record_id = :r and action = :a order by seq")
        .param("r", recordId)
        .param("a", action)
        .query(String.class)
        .list();
  }

  private long consoleReadsWithReason(String reason) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = 'AUDIT_SEARCHED'"
                + " and channel = 'CONSOLE' and actor_person = :p and reason = :r")
        .param("p", AUDITOR)
        .param("r", reason)
        .query(Long.class)
        .single();
  }

  private static HttpResponse<String> fetch(String href, String cookie) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static void keys(CharSequence keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  /** Presses Tab once; returns what has the focus now. */
  private static WebElement tab() {
    keys(Keys.TAB);
    return browser.switchTo().activeElement();
  }

  /** Presses Tab until the focus is on a matching element; fails after {@code max} presses. */
  private static WebElement tabTo(Predicate<WebElement> target, int max) {
    List<String> visited = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      WebElement e = tab();
      if (target.test(e)) {
        return e;
      }
      visited.add(e.getTagName() + "#" + e.getAttribute("id") + " '" + e.getText() + "'");
    }
    throw new AssertionError("Tab never reached the element; focus went through " + visited);
  }

  private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
  }

  private static void screenshot(String step) {
    try {
      Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, screenshots.resolve(step + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot save screenshot " + step, e);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
