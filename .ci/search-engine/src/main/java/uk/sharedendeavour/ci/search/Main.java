package uk.sharedendeavour.ci.search;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts one Elasticsearch 8 node in this JVM, listening on 127.0.0.1 only, with plain HTTP
 * and no authentication (the server jar has no security module at all), and keeps it running
 * until the process is terminated (SIGTERM / SIGINT close the node cleanly).
 *
 * <p>Environment variables:
 * <ul>
 *   <li>SEARCH_PORT           HTTP port (default 9200)</li>
 *   <li>SEARCH_TRANSPORT_PORT internal transport port or range (default 9300-9399)</li>
 *   <li>SEARCH_DATA_DIR       home/data/logs directory (default: a new temp directory)</li>
 *   <li>SEARCH_CLUSTER_NAME   cluster name (default shared-endeavour-ci)</li>
 * </ul>
 */
public final class Main {

    private Main() {}

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static void main(String[] args) throws Exception {
        final String httpPort = env("SEARCH_PORT", "9200");
        final String transportPort = env("SEARCH_TRANSPORT_PORT", "9300-9399");
        final String clusterName = env("SEARCH_CLUSTER_NAME", "shared-endeavour-ci");
        final String dataDirEnv = env("SEARCH_DATA_DIR", null);
        final Path base = dataDirEnv == null
            ? Files.createTempDirectory("se-search-engine-")
            : Files.createDirectories(Path.of(dataDirEnv));
        final Path home = Files.createDirectories(base.resolve("home"));
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("modules"));

        final Settings settings = Settings.builder()
            .put("cluster.name", clusterName)
            .put("node.name", "ci-search-node")
            .put("path.home", home.toString())
            .put("path.data", base.resolve("data").toString())
            .put("path.logs", base.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("discovery.type", "single-node")
            // CI convenience: allow wildcard index deletion (e.g. DELETE /test_*)
            .put("action.destructive_requires_name", false)
            // CI machines can be short of disk; never block writes for disk watermarks
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        final List<Class<? extends Plugin>> plugins = List.of(
            Netty4Plugin.class,          // official HTTP + transport implementation
            CompatModulesPlugin.class    // analysis-common subset + GET / (see that class)
        );

        System.out.println("[search-engine] base dir: " + base);
        System.out.println("[search-engine] starting Elasticsearch " + org.elasticsearch.Build.current().version()
            + " on http://127.0.0.1:" + httpPort);

        final Node node = new MockNode(settings, plugins);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[search-engine] shutting down");
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }, "search-engine-shutdown"));

        node.start();
        System.out.println("[search-engine] node started");
        stopped.await();
    }
}
