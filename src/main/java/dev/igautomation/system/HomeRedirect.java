package dev.igautomation.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where a person who opens the service in a browser lands: the API docs, until the operator console takes over
 * {@code /}.
 */
@Configuration(proxyBeanMethods = false)
class HomeRedirect implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/docs");
	}

}
