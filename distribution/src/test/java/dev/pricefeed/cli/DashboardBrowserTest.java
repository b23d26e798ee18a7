package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code pricefeed dashboard} in this JVM against the Kraken and Binance emulators, its page driven in Debian's
 * headless Chromium through chromedriver (both installed by test.sh): live prices, a feed dropping into BACKOFF and
 * coming back, an exchange error with markup shown as text, and {@code /health} flipping to 503 and back.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOT =
            Path.of(System.getProperty("dashboard.screenshot", "target/dashboard.png"));
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");
    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path work;

    private final KrakenSimulator kraken = KrakenSimulator.start();
    private final BinanceSimulator binance = BinanceSimulator.start();
    private final StopSignal stop = new StopSignal();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final HttpClient http = HttpClient.newHttpClient();
    private Thread command;
    private ChromeDriverService driverService;
    private WebDriver browser;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
        stop.requestStop();
        if (command != null) {
            command.join(WAIT.toMillis());
        }
        kraken.close();
        binance.close();
    }

    @Test
    void thePageShowsLivePricesStatesAndEventsAsTextAndHealthFollowsTheFeeds() throws Exception {
        assertThat(CHROMIUM).as("the browser test needs Debian's chromium and chromium-driver: run ./test.sh, or "
                + "apt-get install -y chromium chromium-driver").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (package chromium-driver)").isExecutable();

        String url = startDashboard();
        browser = startBrowser();
        browser.get(url);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(feedState("kraken")).isEqualTo("STREAMING");
            assertThat(feedState("binance")).isEqualTo("STREAMING");
        });
        await().atMost(WAIT).until(() -> kraken.tickerSubscriptions(BTC_USD) >= 1
                && kraken.tickerSubscriptions(ETH_USD) >= 1 && binance.tickerSubscriptions(BTC_USDT) >= 1);

        // prices appear, then change
        kraken.publishTicker(BTC_USD, "67523.1", "67523.0", "67523.2");
        kraken.publishTicker(ETH_USD, "3421.55", "3421.50", "3421.60");
        binance.publishTicker(BTC_USDT, "67530.01", "67530.00", "67530.02");
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(priceCell("kraken", "BTC/USD", "last")).isEqualTo("67523.1");
            assertThat(priceCell("kraken", "BTC/USD", "spread")).isEqualTo("0.2");
            assertThat(priceCell("binance", "BTC/USDT", "last")).isEqualTo("67530.01");
        });
        kraken.publishTicker(BTC_USD, "67524.2", "67524.1", "67524.3");
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(priceCell("kraken", "BTC/USD", "last")).isEqualTo("67524.2"));

        // an exchange's error text with markup stays text and runs nothing
        kraken.server().broadcast("{\"error\":\"" + HOSTILE + "\"}");
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                browser.findElements(By.cssSelector("#events li[data-type='error'] .message")))
                .anySatisfy(message -> assertThat(message.getText()).contains(HOSTILE)));
        assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('img').length"))
                .isEqualTo(0L);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        // ETH/USD got one ticker only: it goes stale and is marked so, while fresh prices keep coming
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            WebElement eth = priceRow("kraken", "ETH/USD");
            assertThat(eth.getAttribute("class")).contains("stale");
            assertThat(eth.findElement(By.cssSelector(".stale-mark")).getText()).isEqualTo("stale");
        });
        kraken.publishTicker(BTC_USD, "67525.3", "67525.2", "67525.4");
        binance.publishTicker(BTC_USDT, "67531.02", "67531.01", "67531.03");
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(priceCell("kraken", "BTC/USD", "last")).isEqualTo("67525.3");
            assertThat(priceCell("binance", "BTC/USDT", "last")).isEqualTo("67531.02");
        });
        assertThat(health(url).statusCode()).as("stale instruments alone leave the feed healthy").isEqualTo(200);
        screenshot();

        // the Kraken emulator drops every connection and refuses new ones: BACKOFF on the page, 503 on /health
        kraken.server().refuseConnections(true);
        kraken.server().dropAll();
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(feedState("kraken")).isEqualTo("BACKOFF"));
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> health = health(url);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"")
                    .containsPattern("\"unhealthy\":\\[\\{\"exchange\":\"kraken\",\"state\":\"[A-Z]+\"")
                    .doesNotContain("{\"exchange\":\"binance\",\"state\":\"STREAMING\",\"problem\"");
        });
        assertThat(browser.findElement(By.id("health")).getText()).isEqualTo("DOWN");

        // and comes back
        kraken.server().refuseConnections(false);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(feedState("kraken")).isEqualTo("STREAMING");
            assertThat(browser.findElement(By.cssSelector("#feeds .feed[data-exchange='kraken'] .reconnects"))
                    .getText()).isNotEqualTo("0");
        });
        await().atMost(WAIT).until(() -> health(url).statusCode() == 200);

        stop.requestStop();
        command.join(WAIT.toMillis());
        assertThat(exitCode.get()).as(err.toString()).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("pricefeed-http"));
        assertThatThrownBy(() -> health(url)).isInstanceOf(IOException.class);
    }

    /** Runs {@code pricefeed dashboard} on a free port in a thread of its own; returns the page's URL it printed. */
    private String startDashboard() throws IOException {
        // quick, steady retries, so the page shows BACKOFF for a while and the feed is back soon after
        Path config = Files.writeString(work.resolve("pricefeed.properties"), String.join("\n",
                "websocket.reconnect.delay=1.5", "websocket.reconnect.max-delay=1.5",
                "websocket.reconnect.max-attempts=1000", "feed.stale-after=3", ""));
        List<String> args = List.of("dashboard", "kraken", "BTC/USD", "ETH/USD", "binance", "BTC/USDT",
                "--endpoint", "kraken=" + kraken.server().wsUri(KrakenSimulator.PUBLIC_PATH),
                "--rest-endpoint", "kraken=" + kraken.server().httpUri("/"),
                "--endpoint", "binance=" + binance.server().wsUri("/"),
                "--rest-endpoint", "binance=" + binance.server().httpUri("/"),
                "--http", "127.0.0.1:0", "--format", "jsonl", "--config", config.toString());
        CliEnvironment env = new CliEnvironment(null, stop, false, Clock.systemUTC());
        command = new Thread(() -> exitCode.set(Cli.create(env, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new))), "dashboard-command");
        command.start();
        Pattern printed = Pattern.compile("dashboard, /metrics and /health on (http://127\\.0\\.0\\.1:\\d+/)");
        await().atMost(WAIT).until(() -> printed.matcher(err.toString()).find() || !command.isAlive());
        Matcher matcher = printed.matcher(err.toString());
        assertThat(matcher.find()).as(err.toString()).isTrue();
        return matcher.group(1);
    }

    private WebDriver startBrowser() {
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + work.resolve("chromium-profile"), "--window-size=1280,1100");
        return new ChromeDriver(driverService, options);
    }

    private String feedState(String exchange) {
        return browser.findElement(By.cssSelector("#feeds .feed[data-exchange='" + exchange + "'] .state")).getText();
    }

    private WebElement priceRow(String exchange, String instrument) {
        return browser.findElement(By.cssSelector("#prices tbody tr[data-exchange='" + exchange
                + "'][data-instrument='" + instrument + "']"));
    }

    private String priceCell(String exchange, String instrument, String column) {
        return priceRow(exchange, instrument).findElement(By.cssSelector("td." + column)).getText();
    }

    private HttpResponse<String> health(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + "health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void screenshot() throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Files.write(SCREENSHOT, png);
    }
}
