package dev.igautomation.console;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf's links ({@code @{...}}) go through the response's URL encoding, where Spring's
 * {@code ResourceUrlEncodingFilter} puts the content hash into an asset's name, only when they name an asset
 * ({@code /console/**}, {@code /webjars/**}). The filter would look every other link up as a static resource too
 * (the static pattern {@code /**} matches them all): a class path search per link, unanswerable for a page's
 * links and never cached, that was most of the console's CPU time in {@code bench/console.sh} (a list of 50
 * deliveries has 50 links). Nothing else encodes links: Spring Security's {@code DisableEncodeUrlFilter} keeps
 * session ids out of URLs.
 */
@Configuration(proxyBeanMethods = false)
class AssetLinks {

	@Bean
	static BeanPostProcessor assetLinksOnlyAreEncoded() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					engine.setLinkBuilder(new AssetLinkBuilder());
				}
				return bean;
			}

		};
	}

	static class AssetLinkBuilder extends StandardLinkBuilder {

		@Override
		protected String processLink(IExpressionContext context, String link) {
			return isAsset(link) ? super.processLink(context, link) : link;
		}

		static boolean isAsset(String link) {
			return link.contains("/console/") || link.contains("/webjars/");
		}

	}

}
