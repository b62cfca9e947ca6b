package dev.igautomation.system;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's cache abstraction over Caffeine, for what is read on every event and changed rarely (an account's
 * credentials and summary): entries live {@link #CACHED_FOR} at most, and an eviction made in a transaction happens
 * when it commits, so no reader caches the old value again between the change and its commit.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

	static final Duration CACHED_FOR = Duration.ofSeconds(30);

	@Bean
	CacheManager cacheManager() {
		CaffeineCacheManager caffeine = new CaffeineCacheManager();
		caffeine.setCaffeine(Caffeine.newBuilder().expireAfterWrite(CACHED_FOR).maximumSize(10_000));
		return new TransactionAwareCacheManagerProxy(caffeine);
	}

}
