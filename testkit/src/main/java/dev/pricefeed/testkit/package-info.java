/**
 * The exchange emulator and the connector contract test kit.
 *
 * <p>{@link dev.pricefeed.testkit.EmulatorServer} is a WebSocket and HTTP server on 127.0.0.1 and an ephemeral port,
 * scripted by an {@link dev.pricefeed.testkit.EmulatorHandler} and able to inject faults: drop or silence connections,
 * send garbage or oversized frames, close with a code, ping with a pong deadline, refuse upgrades, answer HTTP with
 * errors or 429 and {@code Retry-After}.
 *
 * <p>An exchange module proves its connector by implementing {@link dev.pricefeed.testkit.ExchangeSimulator} on top of
 * the server and extending {@link dev.pricefeed.testkit.ConnectorContractTest}:
 *
 * <pre>
 * &#64;DisplayName("Acme connector contract")
 * class AcmeContractTest extends ConnectorContractTest {
 *     &#64;Override
 *     protected ExchangeSimulator newSimulator() {
 *         return new AcmeSimulator();                 // starts its EmulatorServer
 *     }
 *
 *     &#64;Override
 *     protected List&lt;String&gt; instruments() {
 *         return List.of("BTC/USD", "ETH/USD");      // two instruments the simulator lists
 *     }
 * }
 * </pre>
 *
 * <p>For unit tests without a server, {@link dev.pricefeed.testkit.RecordingSink} records what a parser reports and
 * {@link dev.pricefeed.testkit.TestExchangeContext} lets a provider create its connector without a feed.
 */
package dev.pricefeed.testkit;
