package org.law12348.knowledge.internal.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Chinese sentence embeddings computed in this process: BGE small zh v1.5, quantized ONNX, shipped
 * inside its Maven artifact ({@code langchain4j-embeddings-bge-small-zh-v15-q}) and run by ONNX Runtime,
 * so nothing is downloaded at run time. Vectors have {@link #DIMENSIONS} components and unit length
 * (CLS pooling, normalised: dot product = cosine), as the artifact's own model class computes them.
 *
 * <p>One session whose every call runs on its caller's thread alone (ONNX Runtime's default spreads
 * one call over every core: on two cores a bulk build then starved the searches, and a search paid for
 * thread hand-offs under load — p50 145 ms over HTTP at load average 15, bench/README.md). Calls from
 * the background build and from searches run side by side on their own threads; a second session
 * would cost another 100 MB of native memory for nothing. The session is loaded once per JVM on first
 * use (~150 MB resident with ONNX Runtime and the tokenizer, 2–4 s) and shared: sessions are safe for
 * concurrent use, and a test JVM starts many application contexts.
 */
@Component
public class SentenceEmbedder {

    /** Recorded with every stored vector: a different model makes the stored ones stale. */
    public static final String MODEL = "bge-small-zh-v1.5-q";
    public static final int DIMENSIONS = 512;
    private static final String WEIGHTS = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";
    private static final Logger log = LoggerFactory.getLogger(SentenceEmbedder.class);

    private static final class Loaded {
        static final Bge MODEL = Bge.load();
    }

    /** The vector of one text a citizen typed. */
    public float[] embed(String text) {
        return Loaded.MODEL.embed(text).content().vector();
    }

    /** The vectors of several texts, in order, in one call. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return Loaded.MODEL.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private static final class Bge extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        private Bge(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        static Bge load() {
            long start = System.nanoTime();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                 InputStream tokenizer = resource(TOKENIZER)) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession session = environment.createSession(resource(WEIGHTS).readAllBytes(), options);
                Bge model = new Bge(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS));
                log.info("Loaded the sentence-embedding model {} in {} ms", MODEL, (System.nanoTime() - start) / 1_000_000);
                return model;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("Cannot load the sentence-embedding model " + MODEL, e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("Missing " + name + ": is langchain4j-embeddings-bge-small-zh-v15-q "
                        + "on the classpath?");
            }
            return in;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
