package org.elasticsearch.node;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A real Elasticsearch {@link Node} whose plugins are classes already on the classpath.
 *
 * <p>This follows what the test framework's MockNode does, without the test framework
 * (its ESTestCase refuses to run as root, which CI is, and randomizedtesting on the
 * classpath switches the server into test mode). Only the plugin loading differs from a
 * packaged node: every service (search, HTTP, transport, ...) is the production
 * implementation from {@link NodeServiceProvider}. It lives in this package because
 * NodeConstruction / NodeServiceProvider are package-private.
 */
public class ClasspathPluginsNode extends Node {

    private final List<Class<? extends Plugin>> classpathPlugins;

    /** Settings + config directory to an Environment, as the real bootstrap does. */
    public static Environment prepareEnvironment(Settings settings, Path configDir) {
        return InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), configDir, () -> "ci-search-node");
    }

    public ClasspathPluginsNode(Environment environment, Collection<Class<? extends Plugin>> classpathPlugins) {
        this(environment, List.copyOf(classpathPlugins));
    }

    private ClasspathPluginsNode(Environment environment, List<Class<? extends Plugin>> classpathPlugins) {
        super(NodeConstruction.prepareConstruction(environment, null, new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader pluginsLoader) {
                return new ClasspathPluginsService(env.settings(), env, classpathPlugins);
            }
        }, true));
        this.classpathPlugins = classpathPlugins;
    }

    public List<Class<? extends Plugin>> getClasspathPlugins() {
        return classpathPlugins;
    }
}
