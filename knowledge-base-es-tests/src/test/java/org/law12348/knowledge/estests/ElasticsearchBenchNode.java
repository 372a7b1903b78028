package org.law12348.knowledge.estests;

import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The Elasticsearch side of the knowledge-base search benchmark ({@code KnowledgeSearchBench} in the
 * bench module). The node bundles Lucene 8 and so cannot share the bench's classpath (Lucene 9): the
 * bench starts this class in a child JVM with this module's test classpath, reads the ready line from
 * its standard output, talks to it over HTTP, and closes its standard input to stop it.
 * <pre>java -cp knowledge-base-es-tests/target/test-classes:$(cat knowledge-base-es-tests/target/classpath.txt) \
 *     org.law12348.knowledge.estests.ElasticsearchBenchNode 9201</pre>
 */
public final class ElasticsearchBenchNode {

    /** The line printed once the node answers; the HTTP port follows it. */
    public static final String READY = "KB-ES-NODE-READY http-port=";

    private ElasticsearchBenchNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: ElasticsearchBenchNode <http-port>");
        }
        int port = Integer.parseInt(args[0]);
        ElasticsearchClusterRunner node = TestElasticsearch.start(port);
        try {
            System.out.println(READY + port);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // the parent says nothing; end of input means it is done or gone
            }
        } finally {
            node.close();
            node.clean();
        }
    }
}
