import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.jboss.logging.Logger;

/**
 * The least a JVM reverse proxy can do, for deploy/bench/gateway.sh to measure beside nginx and the gateway: Vert.x
 * core (the gateway's own HTTP stack) with one server per event loop and a keep-alive pool to the upstream, copying
 * the method, URI and headers and streaming the answer back. No routing, security, limits, resilience or header
 * hygiene: it is the floor under any gateway built on this stack, not a gateway.
 *
 * <p>Run with the gateway's libraries: {@code java -cp 'gateway/target/quarkus-app/lib/boot/*:gateway/target/quarkus-app/lib/main/*'
 * FloorProxy.java <listen port> <upstream port>}. It logs through JBoss Logging: Quarkus' {@code Log} only works inside
 * a Quarkus application.
 */
public class FloorProxy extends AbstractVerticle {

  private static final Logger LOG = Logger.getLogger(FloorProxy.class);

  private final int listenPort;
  private final int upstreamPort;

  FloorProxy(int listenPort, int upstreamPort) {
    this.listenPort = listenPort;
    this.upstreamPort = upstreamPort;
  }

  public static void main(String[] args) {
    int listenPort = Integer.parseInt(args[0]);
    int upstreamPort = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    int loops = Runtime.getRuntime().availableProcessors();
    vertx.deployVerticle(() -> new FloorProxy(listenPort, upstreamPort), new DeploymentOptions().setInstances(loops))
        .onSuccess(id -> LOG.infof("floor proxy on %d to %d, %d event loops", listenPort, upstreamPort, loops))
        .onFailure(failure -> {
          LOG.error("the floor proxy could not start", failure);
          System.exit(1);
        });
  }

  @Override
  public void start() {
    HttpClient client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1").setDefaultPort(upstreamPort),
        new PoolOptions().setHttp1MaxSize(64));
    vertx.createHttpServer().requestHandler(request -> forward(client, request)).listen(listenPort);
  }

  private static void forward(HttpClient client, HttpServerRequest request) {
    request.pause();
    RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(request.uri());
    options.setHeaders(request.headers().remove(HttpHeaders.CONNECTION));
    client.request(options)
        .compose(upstream -> upstream.send(request))
        .onSuccess(answer -> {
          request.response().setStatusCode(answer.statusCode()).headers().setAll(answer.headers());
          answer.pipeTo(request.response());
        })
        .onFailure(failure -> request.response().setStatusCode(502).end());
  }
}
