package uk.sharedendeavour.ci.search;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 *   <li>SEARCH_PID_FILE       if set, this process's pid is written there once the node has started</li>
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
            .putList("node.roles", "master", "data", "ingest")
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

        // Logging as Elasticsearch's bootstrap sets it up: log4j2.properties from the config dir.
        final Path configDir = home.resolve("config");
        try (InputStream in = Main.class.getResourceAsStream("/search-engine-log4j2.properties")) {
            Files.copy(in, configDir.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName("ci-search-node");
        LogConfigurator.setClusterName(clusterName);
        final Environment environment = ClasspathPluginsNode.prepareEnvironment(settings, configDir);
        LogConfigurator.configure(environment, true);

        final Node node = new ClasspathPluginsNode(environment, plugins);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[search-engine] shutting down");
            try {
                node.close();
                if (node.awaitClose(20, TimeUnit.SECONDS) == false) {
                    System.out.println("[search-engine] node did not close within 20 s");
                }
                System.out.println("[search-engine] node closed");
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }, "search-engine-shutdown"));

        node.start();
        final String pidFile = env("SEARCH_PID_FILE", null);
        if (pidFile != null) {
            Files.writeString(Path.of(pidFile), ProcessHandle.current().pid() + "\n");
        }
        System.out.println("[search-engine] node started, pid " + ProcessHandle.current().pid());
        stopped.await();
    }
}
