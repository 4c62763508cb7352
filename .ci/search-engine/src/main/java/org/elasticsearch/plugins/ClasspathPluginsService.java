package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * PluginsService whose plugins are given as classes already on the classpath, instead of
 * being read from plugin bundles under modules/ and plugins/ (Maven Central has no
 * Elasticsearch 8 distribution to take bundles from). Lives in this package because
 * PluginsLoader's constructor and LoadedPlugin are package-private.
 */
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Settings settings, Environment environment, Collection<Class<? extends Plugin>> pluginClasses) {
        // no module or plugin bundles on disk
        super(settings, environment.configDir(), new PluginsLoader(Collections.emptySet(), Collections.emptySet(), Collections.emptyMap()));
        final List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            final Plugin instance = loadPlugin(pluginClass, settings, environment.configDir());
            final PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getName(),                       // name
                "plugin loaded from the classpath",          // description
                Build.current().version(),                   // plugin version
                Build.current().version(),                   // elasticsearch version
                Integer.toString(Runtime.version().feature()), // java version
                pluginClass.getName(),                       // class name
                null,                                        // module name (not modular)
                Collections.emptyList(),                     // extended plugins
                false,                                       // has native controller
                false,                                       // licensed
                false,                                       // modular
                false                                        // stable plugin API
            );
            loaded.add(new LoadedPlugin(descriptor, instance, pluginClass.getClassLoader()));
        }
        loadExtensions(loaded);
        this.classpathPlugins = List.copyOf(loaded);
    }

    @Override
    protected final List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(classpathPlugins.stream().map(p -> new PluginRuntimeInfo(p.descriptor())).toList(), List.of());
    }

    /**
     * Neither transport-netty4 nor our compatibility plugin declares SPI extensions
     * (no META-INF/services), so there is nothing to load; a packaged node with the same
     * plugins would find none either.
     */
    @Override
    public <T> List<? extends T> loadServiceProviders(Class<T> service) {
        return List.of();
    }
}
