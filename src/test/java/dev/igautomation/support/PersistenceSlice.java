package dev.igautomation.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.ActiveProfiles;

/**
 * The persistence layer alone: the schema as Flyway builds it, the JPA repositories, and the classes that query with
 * SQL of their own, each test in a transaction rolled back at its end. One list of those classes for every slice
 * test, so that all of them share one application context per database. An abstract class that declares the tests
 * for both databases carries {@code @Transactional} itself: Spring looks for it on the class declaring the method.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@DataJpaTest(showSql = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = PersistenceSlice.QUERY_CLASSES))
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
public @interface PersistenceSlice {

	/** Every class that writes SQL of its own, and the clock some of them read. */
	String QUERY_CLASSES = "dev\\.igautomation\\.(system\\.ClockConfiguration|history\\.ReconciliationState"
			+ "|crm\\.(DeliveryStore|CrmDataDeletion)|inbound\\.(StoredEvents|MessageQueries|Conversations|InboundDataDeletion)"
			+ "|outbound\\.(OutboundMessageStore|OutboundMessageQueries|OutboundDataDeletion|MessagingWindow)"
			+ "|operator\\.(OperatorStore|OneTimeLinks|LoginThrottle)|privacy\\.DataDeletions"
			+ "|analytics\\.(AccountActivity|AccountAnalytics|DailyAnalytics|MessageExport|AnalyticsRollup|LiveCounts|RollupReads|ReplyTimes|RollupResets))";

}
