package dev.igautomation.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * What the service logs while answering requests (on the web server's threads, not the jobs'), from
 * {@link #start()} to {@link #close()}: how a test proves that a caller's mistake leaves no stack trace, nor a flood
 * of lines, in the log.
 */
public final class RequestLog implements AutoCloseable {

	private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			String thread = event.getThreadName();
			if (thread.contains("-exec-") || thread.startsWith("tomcat-handler")) {
				events.add(event);
			}
		}

	};

	private RequestLog() {
	}

	public static RequestLog start() {
		RequestLog log = new RequestLog();
		log.appender.setName("request-log");
		log.appender.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
		log.appender.start();
		root().addAppender(log.appender);
		return log;
	}

	/** Every line logged, as {@code LEVEL logger: message}, with the first line of its exception if it has one. */
	public List<String> lines() {
		return events.stream()
			.map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
					+ (event.getThrowableProxy() == null ? ""
							: " [" + event.getThrowableProxy().getClassName() + ": "
									+ event.getThrowableProxy().getMessage() + "]"))
			.toList();
	}

	/** The lines that carry a stack trace. */
	public List<String> stackTraces() {
		return events.stream()
			.filter(event -> event.getThrowableProxy() != null)
			.map(event -> event.getLoggerName() + ": " + event.getFormattedMessage() + " ["
					+ event.getThrowableProxy().getClassName() + "]")
			.toList();
	}

	@Override
	public void close() {
		root().detachAppender(appender);
		appender.stop();
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
