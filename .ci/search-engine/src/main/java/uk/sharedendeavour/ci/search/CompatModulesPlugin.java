package uk.sharedendeavour.ci.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.classic.ClassicFilter;
import org.apache.lucene.analysis.classic.ClassicTokenizer;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.core.UpperCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.path.PathHierarchyTokenizer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.env.Environment;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestChannel;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

import java.io.IOException;
import java.io.Reader;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Stand-in for the parts of Elasticsearch's "analysis-common" and "rest-root" modules that the
 * Wagtail / modelsearch elasticsearch8 backend (and typical index settings) use. Those modules
 * are not published to Maven Central for Elasticsearch 8, only the server jar and the netty
 * transport are. Every component here is a thin factory around the Lucene class that
 * Elasticsearch itself uses for the same name, configured with the same parameter names
 * and defaults.
 *
 * <p>Provided names:
 * <ul>
 *   <li>token filters: lowercase, uppercase, asciifolding, ngram, edge_ngram, trim, truncate,
 *       length, reverse, porter_stem, kstem, stemmer, snowball, classic, apostrophe,
 *       decimal_digit</li>
 *   <li>tokenizers: ngram, edge_ngram, whitespace, keyword, letter, lowercase, classic,
 *       uax_url_email, pattern, path_hierarchy</li>
 *   <li>char filters: html_strip, pattern_replace, mapping</li>
 *   <li>analyzers: english</li>
 *   <li>REST: GET / and HEAD / (cluster / version info, used by clients' info() and ping())</li>
 * </ul>
 * The server itself already supplies: standard tokenizer/analyzer, stop, shingle, hunspell,
 * keyword/simple/whitespace/stop/classic analyzers, the lowercase normalizer.
 */
public class CompatModulesPlugin extends Plugin implements AnalysisPlugin, ActionPlugin {

    // ------------------------------------------------------------------ helpers

    /** A token filter whose output depends only on the incoming stream. */
    private static AnalysisProvider<TokenFilterFactory> filter(Function<TokenStream, TokenStream> fn, boolean normalizing) {
        return (indexSettings, env, name, settings) -> normalizing
            ? new NormalizingFilter(name, settings, fn)
            : new SimpleFilter(name, settings, fn);
    }

    private static class SimpleFilter extends AbstractTokenFilterFactory {
        private final Function<TokenStream, TokenStream> fn;

        SimpleFilter(String name, Settings settings, Function<TokenStream, TokenStream> fn) {
            super(name, settings);
            this.fn = fn;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return fn.apply(tokenStream);
        }
    }

    private static class NormalizingFilter extends SimpleFilter implements NormalizingTokenFilterFactory {
        NormalizingFilter(String name, Settings settings, Function<TokenStream, TokenStream> fn) {
            super(name, settings, fn);
        }
    }

    private static AnalysisProvider<TokenizerFactory> tokenizer(Function<Settings, Supplier<Tokenizer>> fn) {
        return (indexSettings, env, name, settings) -> {
            final Supplier<Tokenizer> supplier = fn.apply(settings);
            return new AbstractTokenizerFactory(indexSettings, settings, name) {
                @Override
                public Tokenizer create() {
                    return supplier.get();
                }
            };
        };
    }

    private static void checkNgramDiff(IndexSettings indexSettings, int min, int max, String kind) {
        final int maxAllowed = indexSettings.getMaxNgramDiff();
        if (max - min > maxAllowed) {
            throw new IllegalArgumentException(
                "The difference between max_gram and min_gram in " + kind + " must be less than or equal to: ["
                    + maxAllowed + "] but was [" + (max - min) + "]. This limit can be set by changing the ["
                    + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting."
            );
        }
    }

    /** token_chars support for the ngram tokenizers (letter, digit, whitespace, punctuation, symbol, custom). */
    private static Predicate<Integer> tokenChars(Settings settings) {
        final List<String> classes = settings.getAsList("token_chars");
        if (classes.isEmpty()) {
            return c -> true;
        }
        final String custom = settings.get("custom_token_chars", "");
        final HashSet<Integer> customChars = new HashSet<>();
        custom.codePoints().forEach(customChars::add);
        Predicate<Integer> p = c -> false;
        for (String cls : classes) {
            switch (cls.toLowerCase(Locale.ROOT)) {
                case "letter" -> p = p.or(Character::isLetter);
                case "digit" -> p = p.or(Character::isDigit);
                case "whitespace" -> p = p.or(Character::isWhitespace);
                case "punctuation" -> p = p.or(c -> {
                    switch (Character.getType(c)) {
                        case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                            Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                            Character.FINAL_QUOTE_PUNCTUATION:
                            return true;
                        default:
                            return false;
                    }
                });
                case "symbol" -> p = p.or(c -> {
                    switch (Character.getType(c)) {
                        case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
                            return true;
                        default:
                            return false;
                    }
                });
                case "custom" -> p = p.or(customChars::contains);
                default -> throw new IllegalArgumentException("Unknown token type: '" + cls
                    + "', must be one of [letter, digit, whitespace, punctuation, symbol, custom]");
            }
        }
        return p;
    }

    /**
     * "lowercase" tokenizer: splits on anything that is not a letter and lower-cases the terms
     * (LetterTokenizer + LowerCaseFilter in one tokenizer, as Elasticsearch's own one does).
     */
    private static final class LowerCaseLetterTokenizer extends Tokenizer {
        private static final int MAX_TOKEN_LEN = 255;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final org.apache.lucene.analysis.tokenattributes.OffsetAttribute offsets =
            addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
        private final char[] buffer = new char[4096];
        private int bufferLen = 0;
        private int bufferPos = 0;
        private int offset = 0; // chars consumed from input so far

        private int nextCodePoint() throws IOException {
            if (bufferPos >= bufferLen) {
                bufferLen = input.read(buffer, 0, buffer.length);
                bufferPos = 0;
                if (bufferLen <= 0) {
                    bufferLen = 0;
                    return -1;
                }
            }
            char c = buffer[bufferPos++];
            offset++;
            if (Character.isHighSurrogate(c)) {
                if (bufferPos >= bufferLen) {
                    bufferLen = input.read(buffer, 0, buffer.length);
                    bufferPos = 0;
                    if (bufferLen <= 0) {
                        bufferLen = 0;
                        return c;
                    }
                }
                char low = buffer[bufferPos];
                if (Character.isLowSurrogate(low)) {
                    bufferPos++;
                    offset++;
                    return Character.toCodePoint(c, low);
                }
            }
            return c;
        }

        @Override
        public boolean incrementToken() throws IOException {
            clearAttributes();
            int start = -1;
            int end = -1;
            int cp;
            StringBuilder sb = new StringBuilder();
            while ((cp = nextCodePoint()) != -1) {
                if (Character.isLetter(cp)) {
                    if (start < 0) {
                        start = offset - Character.charCount(cp);
                    }
                    sb.appendCodePoint(Character.toLowerCase(cp));
                    end = offset;
                    if (sb.length() >= MAX_TOKEN_LEN) {
                        break;
                    }
                } else if (start >= 0) {
                    break;
                }
            }
            if (start < 0) {
                return false;
            }
            term.setEmpty().append(sb);
            offsets.setOffset(correctOffset(start), correctOffset(end));
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            final int finalOffset = correctOffset(offset);
            offsets.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            bufferLen = 0;
            bufferPos = 0;
            offset = 0;
        }
    }

    private static TokenStream snowball(TokenStream ts, String language) {
        // Lucene's snowball stemmer classes are named e.g. EnglishStemmer, PorterStemmer, GermanStemmer
        final String lang = language.substring(0, 1).toUpperCase(Locale.ROOT) + language.substring(1).toLowerCase(Locale.ROOT);
        return new SnowballFilter(ts, lang);
    }

    private static TokenStream stemmer(TokenStream ts, String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "english", "porter" -> new PorterStemFilter(ts);
            case "light_english", "kstem" -> new KStemFilter(ts);
            case "minimal_english" -> new EnglishMinimalStemFilter(ts);
            case "possessive_english" -> new EnglishPossessiveFilter(ts);
            case "lovins" -> snowball(ts, "Lovins");
            default -> snowball(ts, language);
        };
    }

    // ------------------------------------------------------------------ analysis

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        final Map<String, AnalysisProvider<TokenFilterFactory>> m = new TreeMap<>();
        m.put("lowercase", (indexSettings, env, name, settings) -> {
            final String language = settings.get("language");
            final Function<TokenStream, TokenStream> fn;
            if (language == null) {
                fn = LowerCaseFilter::new;
            } else {
                fn = switch (language.toLowerCase(Locale.ROOT)) {
                    case "greek" -> GreekLowerCaseFilter::new;
                    case "irish" -> IrishLowerCaseFilter::new;
                    case "turkish" -> TurkishLowerCaseFilter::new;
                    default -> throw new IllegalArgumentException("language [" + language + "] not support for lower case");
                };
            }
            return new NormalizingFilter(name, settings, fn);
        });
        m.put("uppercase", filter(UpperCaseFilter::new, true));
        m.put("asciifolding", (indexSettings, env, name, settings) -> {
            final boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
            return new NormalizingFilter(name, settings, ts -> new ASCIIFoldingFilter(ts, preserveOriginal)) {
                @Override
                public TokenStream normalize(TokenStream ts) {
                    // normalisation (e.g. for keyword normalizers) must yield a single token
                    return new ASCIIFoldingFilter(ts, false);
                }
            };
        });
        m.put("ngram", (indexSettings, env, name, settings) -> {
            final int min = settings.getAsInt("min_gram", 1);
            final int max = settings.getAsInt("max_gram", 2);
            final boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
            checkNgramDiff(indexSettings, min, max, "NGram Tokenizer");
            return new SimpleFilter(name, settings, ts -> new NGramTokenFilter(ts, min, max, preserveOriginal));
        });
        m.put("edge_ngram", (indexSettings, env, name, settings) -> {
            final int min = settings.getAsInt("min_gram", 1);
            final int max = settings.getAsInt("max_gram", 2);
            final boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
            final boolean back = "back".equalsIgnoreCase(settings.get("side", "front"));
            return new SimpleFilter(name, settings, ts -> {
                if (back) {
                    return new ReverseStringFilter(new EdgeNGramTokenFilter(new ReverseStringFilter(ts), min, max, preserveOriginal));
                }
                return new EdgeNGramTokenFilter(ts, min, max, preserveOriginal);
            });
        });
        m.put("trim", filter(TrimFilter::new, true));
        m.put("truncate", (indexSettings, env, name, settings) -> {
            final int length = settings.getAsInt("length", 10);
            return new SimpleFilter(name, settings, ts -> new TruncateTokenFilter(ts, length));
        });
        m.put("length", (indexSettings, env, name, settings) -> {
            final int min = settings.getAsInt("min", 0);
            final int max = settings.getAsInt("max", Integer.MAX_VALUE);
            return new SimpleFilter(name, settings, ts -> new LengthFilter(ts, min, max));
        });
        m.put("reverse", filter(ReverseStringFilter::new, false));
        m.put("porter_stem", filter(PorterStemFilter::new, false));
        m.put("kstem", filter(KStemFilter::new, false));
        m.put("stemmer", (indexSettings, env, name, settings) -> {
            final String language = settings.get("language", settings.get("name", "porter"));
            stemmer(new KeywordTokenizer(), language).close(); // fail fast on an unknown language
            return new SimpleFilter(name, settings, ts -> stemmer(ts, language));
        });
        m.put("snowball", (indexSettings, env, name, settings) -> {
            final String language = settings.get("language", "English");
            snowball(new KeywordTokenizer(), language).close(); // fail fast on an unknown language
            return new SimpleFilter(name, settings, ts -> snowball(ts, language));
        });
        m.put("classic", filter(ClassicFilter::new, false));
        m.put("apostrophe", filter(ApostropheFilter::new, false));
        m.put("decimal_digit", filter(DecimalDigitFilter::new, true));
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        final Map<String, AnalysisProvider<TokenizerFactory>> m = new TreeMap<>();
        m.put("ngram", (indexSettings, env, name, settings) -> {
            final int min = settings.getAsInt("min_gram", NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE);
            final int max = settings.getAsInt("max_gram", NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE);
            checkNgramDiff(indexSettings, min, max, "NGram Tokenizer");
            final Predicate<Integer> chars = tokenChars(settings);
            return new AbstractTokenizerFactory(indexSettings, settings, name) {
                @Override
                public Tokenizer create() {
                    return new NGramTokenizer(min, max) {
                        @Override
                        protected boolean isTokenChar(int chr) {
                            return chars.test(chr);
                        }
                    };
                }
            };
        });
        m.put("edge_ngram", (indexSettings, env, name, settings) -> {
            final int min = settings.getAsInt("min_gram", NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE);
            final int max = settings.getAsInt("max_gram", NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE);
            final Predicate<Integer> chars = tokenChars(settings);
            return new AbstractTokenizerFactory(indexSettings, settings, name) {
                @Override
                public Tokenizer create() {
                    return new EdgeNGramTokenizer(min, max) {
                        @Override
                        protected boolean isTokenChar(int chr) {
                            return chars.test(chr);
                        }
                    };
                }
            };
        });
        m.put("whitespace", tokenizer(s -> WhitespaceTokenizer::new));
        m.put("keyword", tokenizer(s -> KeywordTokenizer::new));
        m.put("letter", tokenizer(s -> LetterTokenizer::new));
        m.put("lowercase", tokenizer(s -> LowerCaseLetterTokenizer::new));
        m.put("classic", tokenizer(s -> ClassicTokenizer::new));
        m.put("uax_url_email", tokenizer(s -> UAX29URLEmailTokenizer::new));
        m.put("pattern", tokenizer(s -> {
            final Pattern pattern = Pattern.compile(s.get("pattern", "\\W+"));
            final int group = s.getAsInt("group", -1);
            return () -> new PatternTokenizer(pattern, group);
        }));
        m.put("path_hierarchy", tokenizer(s -> {
            final char delimiter = s.get("delimiter", "/").charAt(0);
            final char replacement = s.get("replacement", String.valueOf(delimiter)).charAt(0);
            final int skip = s.getAsInt("skip", 0);
            return () -> new PathHierarchyTokenizer(delimiter, replacement, skip);
        }));
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        final Map<String, AnalysisProvider<CharFilterFactory>> m = new TreeMap<>();
        m.put("html_strip", (indexSettings, env, name, settings) -> {
            final HashSet<String> escaped = new HashSet<>(settings.getAsList("escaped_tags"));
            return new AbstractCharFilterFactory(name) {
                @Override
                public Reader create(Reader reader) {
                    return new HTMLStripCharFilter(reader, escaped.isEmpty() ? null : escaped);
                }
            };
        });
        m.put("pattern_replace", AnalysisPlugin.requiresAnalysisSettings((indexSettings, env, name, settings) -> {
            final String patternString = settings.get("pattern");
            if (patternString == null) {
                throw new IllegalArgumentException("pattern is missing for [" + name + "] char filter of type 'pattern_replace'");
            }
            final Pattern pattern = Pattern.compile(patternString);
            final String replacement = settings.get("replacement", "");
            return new NormalizingPatternReplace(name, pattern, replacement);
        }));
        m.put("mapping", AnalysisPlugin.requiresAnalysisSettings((indexSettings, env, name, settings) -> {
            final List<String> rules = Analysis.getWordList(env, settings, "mappings");
            if (rules == null) {
                throw new IllegalArgumentException("mapping requires either `mappings` or `mappings_path` to be configured");
            }
            final NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
            for (String rule : rules) {
                final int arrow = rule.indexOf("=>");
                if (arrow < 0) {
                    throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]");
                }
                builder.add(rule.substring(0, arrow).trim(), rule.substring(arrow + 2).trim());
            }
            final NormalizeCharMap map = builder.build();
            return new NormalizingMapping(name, map);
        }));
        return m;
    }

    private static final class NormalizingPatternReplace extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
        private final Pattern pattern;
        private final String replacement;

        NormalizingPatternReplace(String name, Pattern pattern, String replacement) {
            super(name);
            this.pattern = pattern;
            this.replacement = replacement;
        }

        @Override
        public Reader create(Reader reader) {
            return new PatternReplaceCharFilter(pattern, replacement, reader);
        }
    }

    private static final class NormalizingMapping extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
        private final NormalizeCharMap map;

        NormalizingMapping(String name, NormalizeCharMap map) {
            super(name);
            this.map = map;
        }

        @Override
        public Reader create(Reader reader) {
            return new MappingCharFilter(map, reader);
        }
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        final Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> m = new TreeMap<>();
        m.put("english", (indexSettings, env, name, settings) -> {
            final CharArraySet stopwords = Analysis.parseStopWords(env, settings, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            final CharArraySet stemExclusion = Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET);
            final EnglishAnalyzer analyzer = new EnglishAnalyzer(stopwords, stemExclusion);
            return new AbstractIndexAnalyzerProvider<EnglishAnalyzer>(name, settings) {
                @Override
                public EnglishAnalyzer get() {
                    return analyzer;
                }
            };
        });
        return m;
    }

    // ------------------------------------------------------------------ GET /

    private volatile ClusterService clusterService;

    @Override
    public Collection<?> createComponents(PluginServices services) {
        this.clusterService = services.clusterService();
        return List.of();
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
        Settings settings,
        NamedWriteableRegistry namedWriteableRegistry,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster,
        Predicate<NodeFeature> clusterSupportsFeature
    ) {
        return List.of(new RootHandler());
    }

    private final class RootHandler implements RestHandler {
        @Override
        public List<Route> routes() {
            return List.of(new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
        }

        @Override
        public String getName() {
            return "main_action";
        }

        @Override
        public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) throws Exception {
            if (request.method() == RestRequest.Method.HEAD) {
                channel.sendResponse(new RestResponse(RestStatus.OK, "application/json; charset=UTF-8", ""));
                return;
            }
            final Build build = Build.current();
            final XContentBuilder b = channel.newBuilder();
            b.startObject();
            b.field("name", clusterService.localNode().getName());
            b.field("cluster_name", clusterService.getClusterName().value());
            b.field("cluster_uuid", clusterService.state().metadata().clusterUUID());
            b.startObject("version")
                .field("number", build.qualifiedVersion())
                .field("build_flavor", build.flavor())
                .field("build_type", build.type().displayName())
                .field("build_hash", build.hash())
                .field("build_date", build.date())
                .field("build_snapshot", build.isSnapshot())
                .field("lucene_version", org.apache.lucene.util.Version.LATEST.toString())
                .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
                .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
                .endObject();
            b.field("tagline", "You Know, for Search");
            b.endObject();
            channel.sendResponse(new RestResponse(RestStatus.OK, b));
        }
    }
}
