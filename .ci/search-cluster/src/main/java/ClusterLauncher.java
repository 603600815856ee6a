import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.node.MockNode;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts an OpenSearch cluster of N nodes inside this JVM, every node on 127.0.0.1 only.
 *
 * <pre>
 * java -cp 'target/lib/*:target/classes' ClusterLauncher --data DIR [--nodes 3] [--http-port 9250]
 *      [--transport-port 9350] [--name registri-search]
 * </pre>
 *
 * Node i listens for HTTP on http-port + i and for its peers on transport-port + i, and keeps its
 * data in DIR/node-i (so a restart on the same DIR finds the indices again). When the cluster is
 * yellow or green the launcher writes DIR/ready and prints the URL; on SIGTERM it closes every node
 * cleanly. A SIGKILL is an outage: the failure drills use it.
 */
public final class ClusterLauncher {

    private ClusterLauncher() {}

    public static void main(String[] args) throws Exception {
        Path data = null;
        int nodes = 3;
        int httpPort = 9250;
        int transportPort = 9350;
        String name = "registri-search";
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--data" -> data = Path.of(value).toAbsolutePath();
                case "--nodes" -> nodes = Integer.parseInt(value);
                case "--http-port" -> httpPort = Integer.parseInt(value);
                case "--transport-port" -> transportPort = Integer.parseInt(value);
                case "--name" -> name = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required");
        }
        Files.createDirectories(data);
        Files.deleteIfExists(data.resolve("ready"));

        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(Settings.builder().put("logger.level", "WARN").build());

        List<String> seeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            seeds.add("127.0.0.1:" + (transportPort + i));
            names.add("node-" + i);
        }

        List<Node> started = new ArrayList<>();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Path home = data.resolve(names.get(i));
            Files.createDirectories(home.resolve("config"));
            Settings settings = Settings.builder()
                .put("cluster.name", name)
                .put("node.name", names.get(i))
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort + i)
                .put("transport.port", transportPort + i)
                .putList("discovery.seed_hosts", seeds)
                .putList("cluster.initial_cluster_manager_nodes", names)
                // A laptop's or CI's disk may be fuller than a server's watermarks allow.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // The nodes share one heap: the real-memory breaker would count all three.
                .put("indices.breaker.total.use_real_memory", false)
                .put("action.auto_create_index", false)
                .build();
            Node node = new MockNode(settings, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), false);
            started.add(node);
            // A node waits for a quorum of cluster managers, so the nodes start together.
            starting.add(CompletableFuture.runAsync(() -> {
                try {
                    node.start();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }

        String clusterName = name;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Node node : started) {
                try {
                    node.close();
                    node.awaitClose(20, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException e) {
                    System.err.println("closing " + node.settings().get("node.name") + ": " + e);
                }
            }
            System.out.println("cluster " + clusterName + " stopped");
        }, "cluster-shutdown"));

        CompletableFuture.allOf(starting.toArray(new CompletableFuture[0])).get(180, TimeUnit.SECONDS);
        ClusterHealthResponse health = started.get(0)
            .client()
            .admin()
            .cluster()
            .prepareHealth()
            .setWaitForYellowStatus()
            .setWaitForNodes(Integer.toString(nodes))
            .setTimeout(TimeValue.timeValueSeconds(120))
            .get();
        if (health.isTimedOut()) {
            System.err.println("cluster did not become yellow with " + nodes + " nodes: " + health);
            System.exit(1);
        }
        String url = "http://127.0.0.1:" + httpPort;
        Files.writeString(data.resolve("ready"), url + "\n");
        System.out.println(
            "cluster " + name + " is " + health.getStatus().name().toLowerCase() + " with "
                + health.getNumberOfNodes() + " nodes at " + url
        );
        System.out.flush();
        Thread.currentThread().join();
    }
}
